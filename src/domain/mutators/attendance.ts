// attendance.put / attendance.delete: one row per (session, participant) on the trainer's own sessions. The
// pair of an existing row never changes; the person must be registered in the session's unit.
// A person an organiser merged into another (issue 13) is read as the person kept: a trainer's unsent
// attendance naming the merged record is written for the kept one instead of being refused, and the kept
// person counts as registered in every unit whose record was merged into them.
import { attendanceSchema } from '../schemas/attendance';
import type { MutationArgs } from '../schemas/sync';
import { ownSession, patchOf, refuseChanges, refuseIfLocked, requireTrainer } from './kit';
import { checked, MutationError, notFound } from './mutation-error';
import { attendanceRecord } from './records';
import type { MutationContext, MutationTx, StoredRow } from './transaction';

export async function attendancePut(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'attendance.put'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('attendance', args.id);
  if (row?.deleted) throw notFound();
  const named = await tx.get('participant', args.participantId);
  const person = named?.deleted && named.mergedInto ? await tx.get('participant', named.mergedInto) : named;
  const patch = { ...patchOf(args), participantId: person?.id ?? args.participantId };
  refuseChanges(row, patch, ['sessionId', 'participantId']);
  const session = await ownSession(tx, ctx, args.sessionId, 'sessionId');
  refuseIfLocked(session);

  if (!named || !person || person.deleted) throw notFound('participantId');
  if (!isRegisteredIn(session.unitId, named, person)) {
    throw new MutationError('forbidden', 'The person is registered in another unit', { participantId: 'forbidden' });
  }
  const present = await tx.liveChildren('attendance', session.id);
  if (present.some((other) => other.participantId === person.id && other.id !== args.id)) {
    throw new MutationError('duplicate_attendance', 'The person is already on this session', {
      participantId: 'duplicate',
    });
  }
  tx.put('attendance', attendanceRecord(checked(attendanceSchema, { ...row, ...patch, id: args.id })));
}

/**
 * The person's own unit, the unit of the merged record the trainer named, or a unit whose record was merged
 * into the person. A side that does not know the merges (`mergedUnitIds` absent: the device) leaves the
 * decision to the server.
 */
function isRegisteredIn(unitId: string, named: StoredRow<'participant'>, person: StoredRow<'participant'>): boolean {
  if (person.unitId === unitId || named.unitId === unitId) return true;
  return person.mergedUnitIds === undefined || person.mergedUnitIds.includes(unitId);
}

export async function attendanceDelete(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'attendance.delete'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('attendance', args.id);
  if (!row || row.deleted) throw notFound();
  refuseIfLocked(await ownSession(tx, ctx, row.sessionId, 'id'));
  tx.remove('attendance', row.id);
}
