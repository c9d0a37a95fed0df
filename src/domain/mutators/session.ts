// session.put / session.submit / session.delete / session.review. A put merges a patch of trainer fields over
// the stored session (or a new draft of the signed-in trainer in their unit) and validates the merged result;
// status moves only by submit (trainer) and review (organiser of the session's unit or above, or an admin).
import { checkSubmitReadiness } from '../rules/completeness';
import { canReview, canSubmit, nextStatusAfterReview } from '../rules/session-status';
import { ADMIN_SET, sessionTrainerFieldsSchema, type Session } from '../schemas/session';
import type { MutationArgs } from '../schemas/sync';
import { ownSession, patchOf, refuseIfLocked, requireTrainer } from './kit';
import { checked, MutationError, notFound } from './mutation-error';
import { sessionRecord, sessionTrainerRecord } from './records';
import type { MutationContext, MutationTx } from './transaction';

/** What a new draft may leave out; submitting checks title, topics and place. */
export const newSessionDefaults = {
  title: '',
  topicIds: [] as string[],
  placeName: '',
  adminSet: ADMIN_SET,
  attendanceMode: 'roster' as const,
};

export async function sessionPut(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'session.put'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('session', args.id);
  if (row?.deleted) throw notFound();
  if (row && row.trainerId !== ctx.user.id) {
    throw new MutationError('forbidden', 'This session belongs to another trainer', { id: 'forbidden' });
  }
  if (row) refuseIfLocked(row);
  const patch = patchOf(args);
  // A new session is in the trainer's unit; a session never moves to another unit (and organiser's subtree).
  const unitId = row?.unitId ?? ctx.user.unitId;
  if (patch.unitId !== undefined && patch.unitId !== unitId) {
    throw new MutationError('forbidden', 'Sessions belong to your own unit', { unitId: 'forbidden' });
  }
  const base = row ?? { ...newSessionDefaults, endDate: patch.startDate };
  const fields = checked(sessionTrainerFieldsSchema, { ...base, ...patch, unitId });
  await refuseUnknownTopics(tx, ctx, fields.topicIds, row);
  const start: Session = row ?? {
    id: args.id,
    trainerId: ctx.user.id,
    ...fields,
    status: 'draft',
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
    submittedAt: null,
    createdClientAt: ctx.clientAt ?? null,
    submittedClientAt: null,
  };
  tx.put('session', sessionRecord({ ...start, ...sessionTrainerRecord(fields) }));
}

/** Topics newly named by a put must be live topics of the trainer's space; ones already kept may stay. */
async function refuseUnknownTopics(
  tx: MutationTx,
  ctx: MutationContext,
  topicIds: string[],
  row: Session | undefined,
): Promise<void> {
  const added = [...new Set(topicIds)].filter((id) => !row?.topicIds.includes(id));
  if (added.length === 0) return;
  const known = await tx.liveTopicIds(added, ctx.user.spaceId);
  if (added.some((id) => !known.has(id))) {
    throw new MutationError('invalid', 'A topic is unknown', { topicIds: 'unknown_topic' });
  }
}

export async function sessionSubmit(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'session.submit'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await ownSession(tx, ctx, args.id);
  if (!canSubmit(row.status)) {
    throw new MutationError('invalid_transition', `A ${row.status} session cannot be submitted`, {
      status: row.status,
    });
  }
  const [attendance, photos] = [await tx.liveChildren('attendance', row.id), await tx.liveChildren('photo', row.id)];
  const { missing } = checkSubmitReadiness({
    session: row,
    attendanceCount: attendance.length,
    photoCount: photos.length,
  });
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((m) => [m, 'missing']));
    throw new MutationError('incomplete', 'The session is not complete', fields);
  }
  tx.put(
    'session',
    sessionRecord({
      ...row,
      status: 'submitted',
      submittedAt: ctx.now,
      submittedClientAt: ctx.clientAt ?? null,
    }),
  );
}

/** The session and, with it, its attendance and photos (the server drops the photos' images too). */
export async function sessionDelete(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'session.delete'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await ownSession(tx, ctx, args.id);
  refuseIfLocked(row);
  const [attendance, photos] = [await tx.liveChildren('attendance', row.id), await tx.liveChildren('photo', row.id)];
  tx.remove('session', row.id);
  for (const child of attendance) tx.remove('attendance', child.id);
  for (const child of photos) tx.remove('photo', child.id);
}

export async function sessionReview(
  tx: MutationTx,
  { user, now }: MutationContext,
  args: MutationArgs<'session.review'>,
): Promise<void> {
  if (user.role !== 'organiser' && user.role !== 'admin') {
    throw new MutationError('forbidden', 'Only organisers and admins review sessions');
  }
  const row = await tx.get('session', args.id);
  if (!row || row.deleted) throw notFound();
  if (user.role === 'organiser' && (await tx.isUnitWithin(row.unitId, user.unitId)) === false) {
    throw new MutationError('forbidden', 'The session is outside your units', { id: 'forbidden' });
  }
  if (!canReview(row.status)) {
    throw new MutationError('invalid_transition', `A ${row.status} session cannot be reviewed`, { status: row.status });
  }
  tx.put(
    'session',
    sessionRecord({
      ...row,
      status: nextStatusAfterReview(args.decision),
      reviewComment: args.comment ?? null,
      reviewedBy: user.id,
      reviewedAt: now,
    }),
  );
}
