// The sync state for the sync chip and the sync page: the scheduler's live state plus what the
// database knows (unsent changes by kind, refused changes awaiting the trainer, last success).
// A photo's image is sent after its metadata: until it is uploaded it counts as an unsent photo change
// (once, with any change of that photo still waiting), so nothing says "all sent" while an image is
// only on this phone; an image the server refused for good waits for the trainer like a refused change.
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { getUserDb, type LogbookDb } from '../db/database';
import type { OutboxEntry } from '../db/local-rows';
import { readAllMeta } from '../db/meta';
import type { MutableEntity } from '../db/entities';
import type { SyncProgress } from './engine';
import { getSyncSchedulerState, subscribeSyncScheduler } from './scheduler-state';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  progress: SyncProgress | null;
  unsentCount: number;
  unsentByKind: Record<MutableEntity, number>;
  /** Refused changes, oldest first: each has `error.code` to translate, and can be fixed or discarded. */
  rejected: OutboxEntry[];
  /** Images the server refused for good, oldest first: to retry or discard. */
  refusedImages: RefusedImage[];
  lastSyncAt: string | null;
  lastError: string | null;
  needsSignIn: boolean;
}

export interface RefusedImage {
  /** The photo's id (its image has the same). */
  id: string;
  /** The server's error code, to translate. */
  error: string;
}

interface OutboxSummary {
  unsentCount: number;
  unsentByKind: Record<MutableEntity, number>;
  rejected: OutboxEntry[];
  refusedImages: RefusedImage[];
  lastSyncAt: string | null;
  lastSyncError: string | null;
}

const noKinds = (): Record<MutableEntity, number> => ({ session: 0, participant: 0, attendance: 0, photo: 0 });
const empty: OutboxSummary = {
  unsentCount: 0,
  unsentByKind: noKinds(),
  rejected: [],
  refusedImages: [],
  lastSyncAt: null,
  lastSyncError: null,
};

/**
 * What the database says about sync, read in one go (also usable outside React). Unsent changes are
 * counted from the [status+entity] index, never loaded: this runs after every local write, and a week
 * offline can leave thousands of them.
 */
export function readOutboxSummary(db: LogbookDb): Promise<OutboxSummary> {
  // One read transaction: this also re-runs after every pull page (the page moves the cursor in meta).
  return db.transaction('r', [db.outbox, db.meta, db.photoBlobs, db.photos], () => readSummary(db));
}

async function readSummary(db: LogbookDb): Promise<OutboxSummary> {
  const kinds = Object.keys(noKinds()) as MutableEntity[];
  const countKind = (kind: MutableEntity) =>
    db.outbox
      .where('[status+entity]')
      .anyOf([
        ['pending', kind],
        ['sent', kind],
      ])
      .count();
  const [counts, rejected, meta, waitingImages, refusedImages] = await Promise.all([
    Promise.all(kinds.map(countKind)),
    db.outbox.where('status').equals('rejected').sortBy('id'),
    readAllMeta(db),
    countWaitingImages(db),
    readRefusedImages(db),
  ]);
  const unsentByKind = noKinds();
  kinds.forEach((kind, index) => (unsentByKind[kind] = counts[index] ?? 0));
  unsentByKind.photo += waitingImages;
  return {
    unsentCount: counts.reduce((sum, n) => sum + n, 0) + waitingImages,
    unsentByKind,
    rejected,
    refusedImages,
    lastSyncAt: meta.lastSyncAt ?? null,
    lastSyncError: meta.lastSyncError ?? null,
  };
}

/**
 * Images not uploaded yet whose photo has no change waiting or refused (such a change is counted
 * already, and the image goes after it). Images whose photo is gone are dropped at the next sync.
 */
async function countWaitingImages(db: LogbookDb): Promise<number> {
  const ids = await db.photoBlobs.where('uploadState').equals('waiting').primaryKeys();
  let waiting = 0;
  for (const id of ids) {
    if (!(await db.photos.get(id))) continue;
    const entries = await db.outbox.where('[entity+entityId]').equals(['photo', id]).toArray();
    if (entries.every((entry) => entry.status === 'applied')) waiting += 1;
  }
  return waiting;
}

async function readRefusedImages(db: LogbookDb): Promise<RefusedImage[]> {
  const rows = await db.photoBlobs.where('uploadState').equals('refused').toArray();
  return rows.map((row) => ({ id: row.id, error: row.error ?? 'unknown' }));
}

function currentDb(): LogbookDb | null {
  try {
    return getUserDb();
  } catch {
    return null;
  }
}

/** The sync status of `db` (by default the signed-in user's database). */
export function useSyncStatus(db?: LogbookDb): SyncStatus {
  const scheduler = useSyncExternalStore(subscribeSyncScheduler, getSyncSchedulerState, getSyncSchedulerState);
  const database = db ?? currentDb();
  const outbox = useLiveQuery(async () => (database ? readOutboxSummary(database) : empty), [database], empty);
  return {
    online: scheduler.online,
    syncing: scheduler.syncing,
    progress: scheduler.progress,
    unsentCount: outbox.unsentCount,
    unsentByKind: outbox.unsentByKind,
    rejected: outbox.rejected,
    refusedImages: outbox.refusedImages,
    lastSyncAt: outbox.lastSyncAt,
    lastError: scheduler.lastError ?? outbox.lastSyncError,
    needsSignIn: scheduler.needsSignIn,
  };
}
