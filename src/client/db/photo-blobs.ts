// Photo images waiting to upload. An image goes up only once the server has applied its photo.put
// (the upload is verified against that metadata's sha256); it stays afterwards for display.
import type { LogbookDb } from './database';
import type { PhotoBlobRow } from './local-rows';

/** Images whose metadata the server has applied and that have not been uploaded or refused. */
export async function uploadableBlobs(db: LogbookDb): Promise<PhotoBlobRow[]> {
  return db.transaction('r', [db.photoBlobs, db.photos, db.outbox], async () => {
    // The uploadState index (kept by upload-state.ts) finds the waiting images without reading every image's bytes.
    const waiting = await db.photoBlobs.where('uploadState').equals('waiting').toArray();
    const ready: PhotoBlobRow[] = [];
    for (const blob of waiting) {
      const photo = await db.photos.get(blob.id);
      if (!photo) continue;
      const entries = await db.outbox.where('[entity+entityId]').equals(['photo', blob.id]).toArray();
      const known =
        photo.version !== undefined || entries.some((e) => e.name === 'photo.put' && e.status === 'applied');
      if (known) ready.push(blob);
    }
    return ready;
  });
}

export async function markBlobUploaded(db: LogbookDb, id: string): Promise<void> {
  await db.photoBlobs.update(id, { uploaded: true, error: undefined });
}

/** A refusal that retrying will not fix (checksum mismatch, too large): shown, not retried. */
export async function markBlobRefused(db: LogbookDb, id: string, code: string): Promise<void> {
  await db.photoBlobs.update(id, { error: code });
}

/** Drops images whose photo is gone and has no change waiting (deleted, or its create discarded). */
export async function dropOrphanBlobs(db: LogbookDb): Promise<number> {
  return db.transaction('rw', [db.photoBlobs, db.photos, db.outbox], async () => {
    const orphans: string[] = [];
    for (const id of await db.photoBlobs.toCollection().primaryKeys()) {
      if (await db.photos.get(id)) continue;
      if ((await db.outbox.where('[entity+entityId]').equals(['photo', id]).count()) > 0) continue;
      orphans.push(id);
    }
    await db.photoBlobs.bulkDelete(orphans);
    return orphans.length;
  });
}

/** The image of a photo for display, if this device has it. */
export async function photoImage(db: LogbookDb, id: string): Promise<Blob | undefined> {
  const row = await db.photoBlobs.get(id);
  return row ? new Blob([row.bytes], { type: row.mime }) : undefined;
}
