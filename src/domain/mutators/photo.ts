// photo.put / photo.delete: evidence photos of the trainer's own sessions. A photo's image facts (session,
// mime, size, sha256, dimensions) are fixed when it is made; later puts change its caption. The image bytes
// upload separately once this metadata is applied on the server.
import { photoSchema } from '../schemas/photo';
import type { MutationArgs } from '../schemas/sync';
import { ownSession, patchOf, refuseChanges, refuseIfLocked, requireTrainer } from './kit';
import { checked, notFound } from './mutation-error';
import { photoRecord } from './records';
import type { MutationContext, MutationTx } from './transaction';

const imageFields = ['sessionId', 'mime', 'bytes', 'sha256', 'width', 'height'] as const;

export async function photoPut(tx: MutationTx, ctx: MutationContext, args: MutationArgs<'photo.put'>): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('photo', args.id);
  if (row?.deleted) throw notFound();
  const patch = patchOf(args);
  refuseChanges(row, patch, imageFields);
  const fields = checked(photoSchema, { ...row, ...patch, id: args.id });
  refuseIfLocked(await ownSession(tx, ctx, fields.sessionId, 'sessionId'));
  tx.put('photo', photoRecord(fields));
}

/** The server drops the image bytes with the record. */
export async function photoDelete(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'photo.delete'>,
): Promise<void> {
  requireTrainer(ctx);
  const row = await tx.get('photo', args.id);
  if (!row || row.deleted) throw notFound();
  refuseIfLocked(await ownSession(tx, ctx, row.sessionId, 'id'));
  tx.remove('photo', row.id);
}
