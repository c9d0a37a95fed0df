// The session mutators, applied on the device exactly as the server applies them: a put merges a
// patch of trainer fields (a new session starts as a draft of the signed-in trainer), submit and
// review move the status by the rules of src/domain/rules, and an approved session's content is locked.
import { checkSubmitReadiness } from '../../domain/rules/completeness';
import {
  canReview, canSubmit, isTrainerContentLocked, nextStatusAfterReview,
} from '../../domain/rules/session-status';
import { ADMIN_SET, sessionTrainerFieldsSchema } from '../../domain/schemas/session';
import type { MutationArgs } from '../../domain/schemas/sync';
import type { LocalSession } from './local-rows';
import { LocalWriteError } from './local-write-error';
import { checked, existing, newRowMarkers, patchOf, type MutatorContext } from './mutator-kit';

/** What a new draft may leave out; submitting checks title, topics and place. */
export const newSessionDefaults = {
  title: '',
  topicIds: [] as string[],
  placeName: '',
  adminSet: ADMIN_SET,
  attendanceMode: 'roster' as const,
};

export async function sessionPut({ db, userId }: MutatorContext, args: MutationArgs<'session.put'>): Promise<void> {
  const row = await db.sessions.get(args.id);
  if (row && isTrainerContentLocked(row.status)) throw new LocalWriteError('session_locked');
  const patch = patchOf(args);
  const start = row ?? {
    id: args.id,
    trainerId: userId,
    status: 'draft' as const,
    ...newSessionDefaults,
    endDate: patch.startDate,
    ...newRowMarkers,
  };
  const fields = checked(sessionTrainerFieldsSchema, { ...start, ...patch });
  await db.sessions.put({ ...start, ...fields } as LocalSession);
}

export async function sessionSubmit({ db, now }: MutatorContext, args: MutationArgs<'session.submit'>): Promise<void> {
  const row = await existing(db.sessions.get(args.id));
  if (!canSubmit(row.status)) throw new LocalWriteError('invalid_transition', { status: row.status });
  const [attendanceCount, photoCount] = await Promise.all([
    db.attendance.where('sessionId').equals(row.id).count(),
    db.photos.where('sessionId').equals(row.id).count(),
  ]);
  const { missing } = checkSubmitReadiness({ session: row, attendanceCount, photoCount });
  if (missing.length > 0) throw new LocalWriteError('incomplete', Object.fromEntries(missing.map((m) => [m, 'missing'])));
  await db.sessions.put({ ...row, status: 'submitted', submittedAt: now });
}

export async function sessionReview(
  { db, userId, now }: MutatorContext,
  args: MutationArgs<'session.review'>,
): Promise<void> {
  const row = await existing(db.sessions.get(args.id));
  if (!canReview(row.status)) throw new LocalWriteError('invalid_transition', { status: row.status });
  await db.sessions.put({
    ...row,
    status: nextStatusAfterReview(args.decision),
    reviewComment: args.comment ?? null,
    reviewedBy: userId,
    reviewedAt: now,
  });
}

export async function sessionDelete({ db }: MutatorContext, args: MutationArgs<'session.delete'>): Promise<void> {
  const row = await existing(db.sessions.get(args.id));
  if (isTrainerContentLocked(row.status)) throw new LocalWriteError('session_locked');
  await db.sessions.delete(row.id);
}
