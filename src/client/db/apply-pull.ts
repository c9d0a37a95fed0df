// Applying the server's answers, each in ONE transaction (docs/sync.md client rules).
// A pull page: (on reset, clear the server-state tables first) write the changes, drop the outbox
// entries the server has acknowledged, re-apply the remaining entries of every changed record on top,
// save the cursor. Acknowledged means id ≤ lastMutationId AND answered `applied`: an entry still `sent`
// (its push answer not yet in — a pull overlapping a push, or an answer lost) may have been refused,
// so it stays and the next push replays it to learn its stored result. Refused ones stay for the trainer.
// A reset may span pages: rows with outbox entries survive the clearing, and only on its last page are
// the records the snapshot never held rebuilt from nothing (their pages may still be coming until then).
// A push answer: mark each entry applied (kept until the pull brings its result) or rejected.
// A page is written with bulk operations per table, in slices of WRITE_SLICE rows: IndexedDB copies each
// row on the main thread when it is put, so one bulkPut of a thousand rows is one long task (about 400 ms
// on a phone-class CPU). Two slices are in flight at a time: while IndexedDB stores one, the next is being
// handed over, and between slices the browser may paint and handle input. Nothing is read row by row
// (docs/sync.md §10).
import type { Change, PullResponse, PushResponse, SyncEntity } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import { changesUnnamedRecords, entityTable, serverStateTables, tableNameOf } from './entities';
import type { OutboxEntry } from './local-rows';
import { rebuildEchoes } from './echo-rebuild';
import { getMeta, setMeta, setMetas } from './meta';
import { reapply, recordKey, refOf, refreshMarkers, toLocalRow, type RecordRef } from './record-state';

export interface ApplyPullResult {
  changes: number;
  /** Outbox entries the pull confirmed and removed. */
  acknowledged: number;
}

export async function applyPull(db: LogbookDb, response: PullResponse): Promise<ApplyPullResult> {
  const tables = [...serverStateTables, 'outbox', 'meta', 'bases', 'photoBlobs'];
  return db.transaction('rw', tables, async () => {
    const [all, resetInProgress] = await Promise.all([
      db.outbox.orderBy('id').toArray(),
      getMeta(db, 'resetInProgress'),
    ]);
    const acknowledged = all.filter((e) => e.id <= response.lastMutationId && e.status === 'applied');
    await db.outbox.bulkDelete(acknowledged.map((e) => e.id));
    const remaining = all.filter((e) => !(e.id <= response.lastMutationId && e.status === 'applied'));
    const withEntries = new Map(remaining.map((e) => [recordKey(e.entity, e.entityId), refOf(e)]));

    const resetting = response.reset || resetInProgress;
    if (response.reset) await clearServerState(db, [...withEntries.values()]);

    // No echo: acknowledged records the page left out, rebuilt from the outbox (echo-rebuild.ts).
    const rebuilt = await rebuildEchoes(db, response, acknowledged, remaining);
    const newBases = response.changes.flatMap((change) => {
      const key = recordKey(change.entity, change.id);
      if (!withEntries.has(key)) return [];
      rebuilt.add(key);
      return [{ entity: change.entity, id: change.id, row: serverRow(change) }];
    });
    await db.bases.bulkPut(newBases);
    await writeChanges(db, response.changes);
    if (resetting && !response.hasMore) {
      // The snapshot is complete: records it did not hold (no base since the reset cleared them) are
      // unknown to the server, so rebuild them from nothing.
      const candidates = [...withEntries].filter(([key]) => !rebuilt.has(key));
      const bases = await db.bases.bulkGet(candidates.map(([, [entity, id]]) => [entity, id] as [string, string]));
      const unknown = candidates.filter((_, i) => bases[i] === undefined);
      await db.bases.bulkPut(unknown.map(([, [entity, id]]) => ({ entity, id, row: null })));
      for (const [key, [entity, id]] of unknown) {
        await entityTable(db, entity).delete(id);
        rebuilt.add(key);
      }
    }
    for (const entry of remaining) {
      if (rebuilt.has(recordKey(entry.entity, entry.entityId))) await reapply(db, entry);
    }

    await refreshMarkers(db, [...acknowledged.map(refOf), ...remaining.map(refOf)]);
    await setMetas(db, {
      cursor: response.cursor,
      lastMutationId: response.lastMutationId,
      resetInProgress: resetting && response.hasMore,
      workingSet: response.workingSet === true,
    });
    return { changes: response.changes.length, acknowledged: acknowledged.length };
  });
}

function serverRow(change: Change): (Record<string, unknown> & { id: string }) | null {
  if (change.deleted || !change.data) return null;
  return { ...change.data, id: change.id, version: change.version };
}

/** Rows per bulk write: about 40 ms of copying on a phone-class CPU, 10 ms on a laptop. */
export const WRITE_SLICE = 100;

/**
 * Runs the writes one slice at a time with two in flight: a slice is handed to IndexedDB while the one before
 * it is being stored. Each write starts from the answer to an earlier one, so the transaction stays active.
 */
async function inSlices<T>(items: readonly T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  let previous: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < items.length; i += WRITE_SLICE) {
    const current = write(items.slice(i, i + WRITE_SLICE));
    // Should `current` fail while `previous` is awaited, its rejection is seen at the next await or the last.
    current.catch(() => undefined);
    await previous;
    previous = current;
  }
  await previous;
}

/**
 * Writes a page in bulk, one table at a time, a slice at a time: rows are unique within a page. Tombstones
 * delete.
 */
async function writeChanges(db: LogbookDb, changes: readonly Change[]): Promise<void> {
  const byEntity = new Map<SyncEntity, Change[]>();
  for (const change of changes) {
    const list = byEntity.get(change.entity);
    if (list) list.push(change);
    else byEntity.set(change.entity, [change]);
  }
  for (const [entity, list] of byEntity) {
    const table = entityTable(db, entity);
    const kept = list.filter((change) => !change.deleted && change.data);
    const gone = list.filter((change) => change.deleted || !change.data).map((change) => change.id);
    // Each local row made in one copy (toLocalRow of serverRow), a slice at a time.
    await inSlices(kept, (slice) =>
      table.bulkPut(slice.map((c) => toLocalRow(entity, c.data!, { id: c.id, version: c.version }))),
    );
    await inSlices(gone, (slice) => table.bulkDelete(slice));
  }
}

/**
 * A fresh snapshot follows: keep the outbox, the client id, images not yet uploaded, and the rows of
 * records with outbox entries (shown as they are until their page arrives or the snapshot ends).
 */
async function clearServerState(db: LogbookDb, keep: readonly RecordRef[]): Promise<void> {
  for (const entity of Object.keys(tableNameOf) as SyncEntity[]) {
    const table = entityTable(db, entity);
    const ids = keep.filter(([kind]) => kind === entity).map(([, id]) => id);
    const kept = ids.length > 0 ? (await table.bulkGet(ids)).filter((row) => row !== undefined) : [];
    await table.clear();
    await table.bulkPut(kept);
  }
  await db.bases.clear();
  await db.photoBlobs.filter((blob) => blob.uploaded).delete();
}

export interface ApplyPushResult {
  applied: number;
  rejected: number;
}

export async function applyPushResults(db: LogbookDb, response: PushResponse): Promise<ApplyPushResult> {
  const tables = [...serverStateTables, 'outbox', 'meta', 'bases'];
  return db.transaction('rw', tables, async () => {
    const entries = await db.outbox.bulkGet(response.results.map((r) => r.id));
    const updated = response.results.flatMap((result, index): OutboxEntry[] => {
      const entry = entries[index];
      if (!entry) return [];
      const { error: _previous, ...rest } = entry;
      if (result.status === 'applied') return [{ ...rest, status: 'applied' }];
      const error = result.error ?? { code: 'internal', message: 'rejected without a reason' };
      return [{ ...rest, status: 'rejected', error }];
    });
    await db.outbox.bulkPut(updated);
    await setMeta(db, 'lastMutationId', response.lastMutationId);
    // Pull from the start, as discarding does (rejected-entries.ts), so that the records such a refused change
    // had changed here come back while the refusal waits for the trainer.
    if (updated.some((e) => e.status === 'rejected' && changesUnnamedRecords(e.name)))
      await setMeta(db, 'cursor', null);
    await refreshMarkers(db, updated.map(refOf));
    const applied = updated.filter((e) => e.status === 'applied').length;
    return { applied, rejected: updated.length - applied };
  });
}
