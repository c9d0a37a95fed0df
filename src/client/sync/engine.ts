// One sync run (docs/sync.md): push until nothing is unsent, pull until `hasMore` is false, then upload
// the images whose metadata the server has applied. All HTTP goes through api.ts; every database
// change goes through client/db. The outcome is kept in meta (lastSyncAt, lastSyncError) for the UI.
import type { LogbookDb } from '../db/database';
import { setMeta } from '../db/meta';
import { ApiRequestError, NetworkError } from './api';
import { uploadPhotos } from './photo-upload';
import { pullAll } from './pull';
import { pushOutbox } from './push';

export type SyncPhase = 'push' | 'pull' | 'photos';

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  /** While pulling: what is pulled plus what the server says is left, or null before it has said. */
  total: number | null;
}

export interface SyncSummary {
  pushed: number;
  applied: number;
  rejected: number;
  pulled: number;
  pages: number;
  reset: boolean;
  photosUploaded: number;
}

export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
}

export async function syncOnce(db: LogbookDb, { onProgress }: SyncOptions = {}): Promise<SyncSummary> {
  const summary: SyncSummary = {
    pushed: 0,
    applied: 0,
    rejected: 0,
    pulled: 0,
    pages: 0,
    reset: false,
    photosUploaded: 0,
  };
  // User Timing: benchmarks read when a sync run has finished (bench/trainer-apply.ts); the sync chip cannot
  // say so while something needs the trainer (a returned session outranks "synced").
  const started = performance.now();
  try {
    // A second round only after starting over as a new client, which re-queues everything.
    for (let round = 0; round < 2; round += 1) {
      onProgress?.({ phase: 'push', done: 0, total: null });
      const pushed = await pushOutbox(db, (done, total) => onProgress?.({ phase: 'push', done, total }));
      summary.pushed += pushed.pushed;
      summary.applied += pushed.applied;
      summary.rejected += pushed.rejected;
      onProgress?.({ phase: 'pull', done: 0, total: null });
      const pulled = await pullAll(db, (done, remaining) =>
        onProgress?.({ phase: 'pull', done, total: remaining === null ? null : done + remaining }),
      );
      summary.pulled += pulled.pulled;
      summary.pages += pulled.pages;
      summary.reset ||= pulled.reset;
      if (!pulled.rotated) break;
    }
    onProgress?.({ phase: 'photos', done: 0, total: null });
    summary.photosUploaded = await uploadPhotos(db, (done, total) => onProgress?.({ phase: 'photos', done, total }));
    await setMeta(db, 'lastSyncAt', new Date().toISOString());
    await setMeta(db, 'lastSyncError', null);
    performance.measure('tlb:sync', { start: started, detail: { pulled: summary.pulled, pages: summary.pages } });
    return summary;
  } catch (error) {
    await setMeta(db, 'lastSyncError', syncErrorCode(error)).catch(() => undefined);
    throw error;
  }
}

/** The code the UI translates: the server's error code, `network_error`, or `internal`. */
export function syncErrorCode(error: unknown): string {
  if (error instanceof ApiRequestError) return error.code;
  if (error instanceof NetworkError) return 'network_error';
  return 'internal';
}
