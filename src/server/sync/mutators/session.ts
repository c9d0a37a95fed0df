// session.put / session.submit / session.delete: trainer operations on the trainer's own sessions
// (DESIGN §4, §5). A put merges a patch of trainer fields over the stored session (or a new draft in the
// trainer's unit) and validates the merged result; status moves only by submit and review.
import { and, eq, inArray } from 'drizzle-orm';
import { checkSubmitReadiness } from '../../../domain/rules/completeness';
import { canSubmit } from '../../../domain/rules/session-status';
import { ADMIN_SET, sessionTrainerFieldsSchema } from '../../../domain/schemas/session';
import type { MutationArgs } from '../../../domain/schemas/sync';
import { attendance, photoBlobs, photos, sessions, topics } from '../../db/schema';
import { sessionColumnsOf, sessionTrainerFieldsOf, type SessionRow } from '../entity-data';
import {
  checked, countLiveChildren, lockedSession, MutationRefusal, notFound, ownSession, patchOf, refuseIfLocked,
  requireTrainer, sameId, type Mutator, type MutatorContext,
} from './kit';

/** What a new draft may leave out; the same defaults as the device's session mutator (client/db). */
const newSessionDefaults = {
  title: '',
  topicIds: [] as string[],
  placeName: '',
  adminSet: ADMIN_SET,
  attendanceMode: 'roster' as const,
};

export const sessionPut: Mutator<MutationArgs<'session.put'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const row = await lockedSession(ctx, args.id);
  if (row?.deleted) throw notFound();
  if (row && !sameId(row.trainerId, ctx.user.id)) {
    throw new MutationRefusal('forbidden', 'This session belongs to another trainer', { id: 'forbidden' });
  }
  if (row) refuseIfLocked(row);
  const patch = patchOf(args);
  // A new session is in the trainer's unit; a session never moves to another unit (and organiser's subtree).
  const unitId = row?.unitId ?? ctx.user.unitId;
  if (patch.unitId !== undefined && !sameId(patch.unitId, unitId)) {
    throw new MutationRefusal('forbidden', 'Sessions belong to your own unit', { unitId: 'forbidden' });
  }
  const base = row ? sessionTrainerFieldsOf(row) : { ...newSessionDefaults, endDate: patch.startDate };
  const fields = checked(sessionTrainerFieldsSchema, { ...base, ...patch, unitId });
  await refuseUnknownTopics(ctx, fields.topicIds, row);

  const version = await ctx.versionFor(ctx.user.spaceId);
  const columns = { ...sessionColumnsOf(fields), version, updatedAt: ctx.now };
  if (row) {
    await ctx.tx.update(sessions).set(columns).where(eq(sessions.id, row.id));
    return;
  }
  await ctx.tx.insert(sessions).values({
    id: args.id, trainerId: ctx.user.id, spaceId: ctx.user.spaceId, status: 'draft', createdAt: ctx.now, ...columns,
  });
};

/** Topics newly named by a put must be live topics of the trainer's space; ones already kept may stay. */
async function refuseUnknownTopics(
  ctx: MutatorContext, topicIds: string[], row: SessionRow | undefined,
): Promise<void> {
  const added = [...new Set(topicIds.map((id) => id.toLowerCase()))].filter((id) => !row?.topicIds.includes(id));
  if (added.length === 0) return;
  const found = await ctx.tx.select({ id: topics.id }).from(topics).where(and(
    inArray(topics.id, added), eq(topics.spaceId, ctx.user.spaceId), eq(topics.deleted, false),
  ));
  if (found.length < added.length) {
    throw new MutationRefusal('invalid', 'A topic is unknown', { topicIds: 'unknown_topic' });
  }
}

export const sessionSubmit: Mutator<MutationArgs<'session.submit'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const row = await ownSession(ctx, args.id);
  if (!canSubmit(row.status)) {
    const message = `A ${row.status} session cannot be submitted`;
    throw new MutationRefusal('invalid_transition', message, { status: row.status });
  }
  const counts = await countLiveChildren(ctx, row.id);
  const { missing } = checkSubmitReadiness({
    session: sessionTrainerFieldsOf(row), attendanceCount: counts.attendance, photoCount: counts.photos,
  });
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((m) => [m, 'missing']));
    throw new MutationRefusal('incomplete', 'The session is not complete', fields);
  }
  const version = await ctx.versionFor(row.spaceId);
  await ctx.tx.update(sessions)
    .set({ status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now, version })
    .where(eq(sessions.id, row.id));
};

/** A tombstone; the session's attendance and photos go with it (and the photos' images). */
export const sessionDelete: Mutator<MutationArgs<'session.delete'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const row = await ownSession(ctx, args.id);
  refuseIfLocked(row);
  const version = await ctx.versionFor(row.spaceId);
  const gone = { deleted: true, version, updatedAt: ctx.now };
  await ctx.tx.update(sessions).set(gone).where(eq(sessions.id, row.id));
  await ctx.tx.update(attendance).set(gone).where(and(eq(attendance.sessionId, row.id), eq(attendance.deleted, false)));
  const photoIds = ctx.tx.select({ id: photos.id }).from(photos).where(eq(photos.sessionId, row.id));
  await ctx.tx.delete(photoBlobs).where(inArray(photoBlobs.photoId, photoIds));
  await ctx.tx.update(photos).set(gone).where(and(eq(photos.sessionId, row.id), eq(photos.deleted, false)));
};
