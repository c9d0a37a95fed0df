// participant.put / participant.delete: the registry of the trainer's unit (DESIGN §4). A put merges a patch
// over the stored person (or a new one in the trainer's unit) and validates the merged record.
import { eq } from 'drizzle-orm';
import { participantSchema } from '../../../domain/schemas/participant';
import type { MutationArgs } from '../../../domain/schemas/sync';
import { participants } from '../../db/schema';
import { participantColumnsOf, participantOf, type ParticipantRow } from '../entity-data';
import {
  checked, MutationRefusal, notFound, patchOf, requireTrainer, sameId, type Mutator, type MutatorContext,
} from './kit';

async function ownParticipant(ctx: MutatorContext, id: string): Promise<ParticipantRow | undefined> {
  const [row] = await ctx.tx.select().from(participants).where(eq(participants.id, id)).for('update');
  if (row?.deleted) throw notFound();
  if (row && !sameId(row.unitId, ctx.user.unitId)) {
    throw new MutationRefusal('forbidden', 'This person is registered in another unit', { id: 'forbidden' });
  }
  return row;
}

export const participantPut: Mutator<MutationArgs<'participant.put'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const row = await ownParticipant(ctx, args.id);
  const patch = patchOf(args);
  if (patch.unitId !== undefined && !sameId(patch.unitId, ctx.user.unitId)) {
    throw new MutationRefusal('forbidden', 'People are registered in your own unit', { unitId: 'forbidden' });
  }
  const base = row ? participantOf(row) : { id: args.id };
  const fields = checked(participantSchema, { ...base, ...patch, unitId: ctx.user.unitId });
  const version = await ctx.versionFor(ctx.user.spaceId);
  const columns = { ...participantColumnsOf(fields), version, updatedAt: ctx.now };
  if (row) {
    await ctx.tx.update(participants).set(columns).where(eq(participants.id, row.id));
    return;
  }
  await ctx.tx.insert(participants).values({ id: args.id, spaceId: ctx.user.spaceId, createdAt: ctx.now, ...columns });
};

/** A tombstone. Attendance that names the person stays: it is the record of who came. */
export const participantDelete: Mutator<MutationArgs<'participant.delete'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const row = await ownParticipant(ctx, args.id);
  if (!row) throw notFound();
  const version = await ctx.versionFor(row.spaceId);
  await ctx.tx.update(participants)
    .set({ deleted: true, version, updatedAt: ctx.now })
    .where(eq(participants.id, row.id));
};
