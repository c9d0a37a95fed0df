// Uploading photo images after their metadata is applied: PUT /api/photos/:id with the bytes,
// idempotent by id and verified by the server against the photo's sha256.
import type { LogbookDb } from '../db/database';
import { dropOrphanBlobs, markBlobRefused, markBlobUploaded, uploadableBlobs } from '../db/photo-blobs';
import { ApiRequestError, apiFetch, timeoutForUpload } from './api';

/**
 * Refusals that retrying the same bytes cannot fix: recorded on the image, not retried. Not
 * `forbidden`: it can mean the cookie is another user's (someone signed in in another tab), which
 * signing in again fixes; the image is tried again at the next sync.
 */
const finalRefusals = new Set(['checksum_mismatch', 'too_large', 'invalid']);

export async function uploadPhotos(db: LogbookDb, onUpload: (done: number, total: number) => void): Promise<number> {
  const ready = await uploadableBlobs(db);
  let done = 0;
  for (const blob of ready) {
    try {
      await apiFetch(`/api/photos/${encodeURIComponent(blob.id)}`, {
        method: 'PUT',
        rawBody: blob.bytes,
        contentType: blob.mime,
        timeoutMs: timeoutForUpload(blob.bytes.byteLength),
      });
      await markBlobUploaded(db, blob.id);
      done += 1;
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status === 401) throw error;
      if (error.status === 409 || error.code === 'conflict') {
        // Already stored: the upload is idempotent by id.
        await markBlobUploaded(db, blob.id);
        done += 1;
      } else if (finalRefusals.has(error.code)) {
        await markBlobRefused(db, blob.id, error.code);
      } else if (error.status >= 500) {
        throw error;
      }
      // Anything else (the photo not visible yet) is retried at the next sync.
    }
    onUpload(done, ready.length);
  }
  await dropOrphanBlobs(db);
  return done;
}
