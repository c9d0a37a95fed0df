// photo.put / photo.delete: evidence photos of the trainer's own sessions (DESIGN §4, §5). A photo's image
// facts (session, mime, size, sha256, dimensions) are fixed when it is made; later puts change its caption.
// The image bytes upload separately (src/server/photos) once this metadata is applied.
import { eq } from 'drizzle-orm';
import { photoSchema } from '../../../domain/schemas/photo';
import type { MutationArgs } from '../../../domain/schemas/sync';
import { photoBlobs, photos } from '../../db/schema';
import { photoOf } from '../entity-data';
import {
  checked, notFound, ownSession, patchOf, refuseChanges, refuseIfLocked, requireTrainer, type Mutator,
} from './kit';

const imageFields = ['sessionId', 'mime', 'bytes', 'sha256', 'width', 'height'] as const;

export const photoPut: Mutator<MutationArgs<'photo.put'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const [row] = await ctx.tx.select().from(photos).where(eq(photos.id, args.id)).for('update');
  if (row?.deleted) throw notFound();
  const patch = patchOf(args);
  const current = row && photoOf(row);
  refuseChanges(current, patch, imageFields);
  const fields = checked(photoSchema, { ...current, ...patch, id: args.id });
  const session = await ownSession(ctx, fields.sessionId, 'sessionId');
  refuseIfLocked(session);

  const version = await ctx.versionFor(session.spaceId);
  const takenAt = fields.takenAt ? new Date(fields.takenAt) : null;
  if (row) {
    await ctx.tx.update(photos)
      .set({ caption: fields.caption ?? null, takenAt, version, updatedAt: ctx.now })
      .where(eq(photos.id, row.id));
    return;
  }
  await ctx.tx.insert(photos).values({
    id: args.id, sessionId: session.id, mime: fields.mime, bytes: fields.bytes, sha256: fields.sha256,
    width: fields.width, height: fields.height, caption: fields.caption ?? null, takenAt,
    spaceId: session.spaceId, version, createdAt: ctx.now, updatedAt: ctx.now,
  });
};

/** A tombstone; the image bytes are dropped with it. */
export const photoDelete: Mutator<MutationArgs<'photo.delete'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const [row] = await ctx.tx.select().from(photos).where(eq(photos.id, args.id)).for('update');
  if (!row || row.deleted) throw notFound();
  const session = await ownSession(ctx, row.sessionId, 'id');
  refuseIfLocked(session);
  const version = await ctx.versionFor(session.spaceId);
  await ctx.tx.delete(photoBlobs).where(eq(photoBlobs.photoId, row.id));
  await ctx.tx.update(photos).set({ deleted: true, version, updatedAt: ctx.now }).where(eq(photos.id, row.id));
};
