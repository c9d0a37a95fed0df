// participant.put / participant.delete: the registry of the trainer's own unit. A put merges a patch over the
// stored person (or a new one in the trainer's unit) and validates the merged record.
import { participantSchema, type Participant } from '../schemas/participant';
import type { MutationArgs } from '../schemas/sync';
import { patchOf, requireTrainer } from './kit';
import { checked, MutationError, notFound } from './mutation-error';
import { participantRecord } from './records';
import type { MutationContext, MutationTx } from './transaction';

async function ownParticipant(tx: MutationTx, { user }: MutationContext, id: string): Promise<Participant | undefined> {
  const row = await tx.get('participant', id);
  if (row?.deleted) throw notFound();
  if (row && row.unitId !== user.unitId) {
    throw new MutationError('forbidden', 'This person is registered in another unit', { id: 'forbidden' });
  }
  return row;
}

export async function participantPut(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'participant.put'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await ownParticipant(tx, ctx, args.id);
  const patch = patchOf(args);
  if (patch.unitId !== undefined && patch.unitId !== ctx.user.unitId) {
    throw new MutationError('forbidden', 'People are registered in your own unit', { unitId: 'forbidden' });
  }
  const fields = checked(participantSchema, { ...(row ?? { id: args.id }), ...patch, unitId: ctx.user.unitId });
  tx.put('participant', participantRecord(fields));
}

/** Attendance that names the person stays: it is the record of who came. */
export async function participantDelete(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'participant.delete'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await ownParticipant(tx, ctx, args.id);
  if (!row) throw notFound();
  tx.remove('participant', row.id);
}
