// attendance.put / attendance.delete: one row per (session, participant) on the trainer's own sessions. The
// pair of an existing row never changes; the person must be registered in the session's unit.
import { attendanceSchema } from '../schemas/attendance';
import type { MutationArgs } from '../schemas/sync';
import { ownSession, patchOf, refuseChanges, refuseIfLocked, requireTrainer } from './kit';
import { checked, MutationError, notFound } from './mutation-error';
import { attendanceRecord } from './records';
import type { MutationContext, MutationTx } from './transaction';

export async function attendancePut(
  tx: MutationTx, ctx: MutationContext, args: MutationArgs<'attendance.put'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('attendance', args.id);
  if (row?.deleted) throw notFound();
  const patch = patchOf(args);
  refuseChanges(row, patch, ['sessionId', 'participantId']);
  const session = await ownSession(tx, ctx, args.sessionId, 'sessionId');
  refuseIfLocked(session);

  const person = await tx.get('participant', args.participantId);
  if (!person || person.deleted) throw notFound('participantId');
  if (person.unitId !== session.unitId) {
    throw new MutationError('forbidden', 'The person is registered in another unit', { participantId: 'forbidden' });
  }
  const present = await tx.liveChildren('attendance', session.id);
  if (present.some((other) => other.participantId === person.id && other.id !== args.id)) {
    throw new MutationError('duplicate_attendance', 'The person is already on this session', { participantId: 'duplicate' });
  }
  tx.put('attendance', attendanceRecord(checked(attendanceSchema, { ...row, ...patch, id: args.id })));
}

export async function attendanceDelete(
  tx: MutationTx, ctx: MutationContext, args: MutationArgs<'attendance.delete'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('attendance', args.id);
  if (!row || row.deleted) throw notFound();
  refuseIfLocked(await ownSession(tx, ctx, row.sessionId, 'id'));
  tx.remove('attendance', row.id);
}
