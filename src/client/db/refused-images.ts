// What the trainer can do with an image the server refused for good (a checksum mismatch, too large):
// try it again — the refusal is cleared and the uploader sends it at the next sync — or discard the
// photo: its metadata is deleted like any photo (a `photo.delete` change) and the image goes with it.
import type { LogbookDb } from './database';
import { mutate } from './local-writes';

export async function retryRefusedImage(db: LogbookDb, id: string): Promise<void> {
  await db.photoBlobs.update(id, { error: undefined });
}

export async function discardRefusedImage(db: LogbookDb, id: string): Promise<void> {
  // The photo is already gone from the device: only the image is left to drop.
  if (!(await db.photos.get(id))) {
    await db.photoBlobs.delete(id);
    return;
  }
  await mutate(
    db,
    'photo.delete',
    { id },
    {
      alsoTables: ['photoBlobs'],
      alsoWrite: () => db.photoBlobs.delete(id),
    },
  );
}
