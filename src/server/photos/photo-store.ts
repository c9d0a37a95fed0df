// Photo images (docs/sync.md): uploaded after their photo.put is applied, verified against the metadata's
// sha256 and size, stored once (a second upload of the same bytes answers the same), and read back by anyone
// whose pull scope holds the photo (scope.ts: the trainer, organisers of the subtree, admins).
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { User } from '#domain/schemas/auth';
import type { Db } from '../db/database';
import { photoBlobs, photos, sessions } from '../db/schema';
import { HttpError } from '../http/errors';
import { resolveScope, scopeFilter } from '../sync/scope';

export interface StoredPhoto {
  id: string;
  bytes: number;
  sha256: string;
}

const notFound = () => new HttpError(404, 'not_found', 'No such photo, or its metadata has not been synced yet');

export interface PhotoUpload {
  id: string;
  mime: string;
  data: Uint8Array;
}

export async function storePhoto(db: Db, user: User, { id, mime, data }: PhotoUpload, now: Date): Promise<StoredPhoto> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ photo: photos, trainerId: sessions.trainerId })
      .from(photos)
      .innerJoin(sessions, eq(sessions.id, photos.sessionId))
      .where(and(eq(photos.id, id), eq(photos.deleted, false)))
      .for('update', { of: photos });
    if (!found) throw notFound();
    if (found.trainerId !== user.id) {
      throw new HttpError(403, 'forbidden', 'Only the trainer who took the photo uploads it');
    }
    const { photo } = found;
    if (mime !== photo.mime) {
      throw new HttpError(400, 'invalid', "The image type differs from the photo's", { mime: photo.mime });
    }
    if (data.byteLength !== photo.bytes || sha256 !== photo.sha256) {
      throw new HttpError(400, 'checksum_mismatch', "The image does not match the photo's size and sha256");
    }
    await tx
      .insert(photoBlobs)
      .values({ photoId: id, data, sha256, mime, bytes: data.byteLength, createdAt: now })
      .onConflictDoNothing();
    return { id: photo.id, bytes: photo.bytes, sha256: photo.sha256 };
  });
}

export interface PhotoImage {
  data: Uint8Array;
  mime: string;
  sha256: string;
}

export async function readPhoto(db: Db, user: User, id: string): Promise<PhotoImage> {
  const live = and(eq(photos.id, id), eq(photos.deleted, false));
  const [photo] = await db.select({ id: photos.id }).from(photos).where(live);
  if (!photo) throw notFound();
  const scope = await resolveScope(db, user);
  const [visible] = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(live, scopeFilter(scope, 'photo')));
  if (!visible) throw new HttpError(403, 'forbidden', 'This photo is outside your units');
  const [blob] = await db.select().from(photoBlobs).where(eq(photoBlobs.photoId, id));
  if (!blob) throw new HttpError(404, 'not_found', 'The image has not been uploaded yet');
  return { data: blob.data, mime: blob.mime, sha256: blob.sha256 };
}
