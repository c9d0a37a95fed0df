// Adding picked or taken pictures to a session: each is resized and hashed on the device, then its
// metadata and bytes are stored in one local write (they upload after the metadata is applied).
// One unreadable file does not stop the others; the names of the failed ones are returned.
import { uuidv7 } from 'uuidv7';
import type { LogbookDb } from '#client/db/database.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import { putPhoto } from '#client/db/local-writes.ts';
import { resizeImage } from './resize-image';

export interface AddPhotosResult {
  added: number;
  failed: string[];
}

export async function addPhotos(db: LogbookDb, sessionId: string, files: readonly File[]): Promise<AddPhotosResult> {
  const result: AddPhotosResult = { added: 0, failed: [] };
  for (const file of files) {
    try {
      const image = await resizeImage(file);
      const id = uuidv7();
      await putPhoto(
        db,
        {
          id,
          sessionId,
          mime: image.mime,
          bytes: image.bytes.byteLength,
          sha256: image.sha256,
          width: image.width,
          height: image.height,
          takenAt: new Date(file.lastModified || Date.now()).toISOString(),
        },
        image.bytes,
      );
      result.added += 1;
    } catch (error) {
      // A locked session refuses every photo: let the page say so once.
      if (error instanceof MutationError) throw error;
      console.error('Could not add a photo', error);
      result.failed.push(file.name);
    }
  }
  return result;
}
