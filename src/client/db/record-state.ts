// How a record's local row relates to the server: row = last known server state (its "base") with
// the record's outbox entries re-applied on top in id order. While a record has entries its base is
// kept in `bases`, so a pull or a discard can rebuild the row exactly.
// Call these inside a transaction over the entity tables, `outbox` and `bases`.
import type { SyncEntity } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import { entityTable } from './entities';
import { MutationError } from '#domain/mutators/mutation-error';
import { applyLocalMutation } from './dexie-mutation-store';
import type { OutboxEntry } from './local-rows';
import { participantSearchKey } from './participant-search';

export type RecordRef = readonly [entity: SyncEntity, id: string];

export function recordKey(entity: SyncEntity, id: string): string {
  return `${entity}:${id}`;
}

export function refOf(entry: Pick<OutboxEntry, 'entity' | 'entityId'>): RecordRef {
  return [entry.entity, entry.entityId];
}

/**
 * A server row as stored locally: no unsent changes, plus the derived search key for participants; `stamps`
 * (a pulled change's id and version) override the row's own.
 */
export function toLocalRow(
  entity: SyncEntity,
  row: Record<string, unknown>,
  stamps?: { id: string; version: number },
): Record<string, unknown> & { id: string } {
  const local: Record<string, unknown> = { ...row, ...stamps, pending: false, rejected: false };
  if (entity === 'participant') {
    local.searchKey = participantSearchKey(row as { fullName: string; phone?: string | null });
  }
  return local as Record<string, unknown> & { id: string };
}

function serverPart(row: Record<string, unknown>): Record<string, unknown> {
  const { pending: _p, rejected: _r, ...rest } = row;
  return rest;
}

/** Before a record's first outbox entry: its current row is the server state, so keep it as the base. */
export async function ensureBase(db: LogbookDb, entity: SyncEntity, id: string): Promise<void> {
  if (await db.bases.get([entity, id])) return;
  const row = await entityTable(db, entity).get(id);
  await db.bases.put({ entity, id, row: row ? serverPart(row) : null });
}

/**
 * Re-applies an entry over the current rows. A change that no longer fits (the session was approved
 * meanwhile, the record is gone) is skipped here; it stays in the outbox for the server to decide.
 */
export async function reapply(db: LogbookDb, entry: OutboxEntry): Promise<void> {
  try {
    await applyLocalMutation(db, entry.name, entry.args, entry.clientAt);
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
  }
}

/** Resets the record to its base and re-applies its entries (given in id order). */
export async function rebuildRecord(
  db: LogbookDb,
  [entity, id]: RecordRef,
  base: Record<string, unknown> | null,
  entries: readonly OutboxEntry[],
): Promise<void> {
  const table = entityTable(db, entity);
  if (base) await table.put(toLocalRow(entity, base));
  else await table.delete(id);
  for (const entry of entries) await reapply(db, entry);
}

/**
 * Sets `pending`/`rejected` on each record from its outbox entries; forgets bases no longer needed. Reads the
 * entries, bases and rows in one query per table (a pull after a push of 500 changes touches 500 records).
 */
export async function refreshMarkers(db: LogbookDb, refs: Iterable<RecordRef>): Promise<void> {
  const unique = new Map<string, RecordRef>();
  for (const ref of refs) unique.set(recordKey(...ref), ref);
  if (unique.size === 0) return;
  const keys = [...unique.values()].map(([entity, id]) => [entity, id]);
  const entries = await db.outbox.where('[entity+entityId]').anyOf(keys).toArray();
  const byRecord = groupBy(entries, (e) => recordKey(e.entity, e.entityId));
  const settled = [...unique]
    .filter(([key]) => !byRecord.has(key))
    .map(([, [entity, id]]) => [entity, id] as [string, string]);
  await db.bases.bulkDelete(settled);
  const byEntity = groupBy(unique.values(), ([entity]) => entity);
  for (const [entity, list] of byEntity) {
    const table = entityTable(db, entity);
    const ids = list.map(([, id]) => id);
    const rows = await table.bulkGet(ids);
    const changed = rows.flatMap((row, i) => {
      const recordEntries = byRecord.get(recordKey(entity, ids[i]!)) ?? [];
      const pending = recordEntries.some((e) => e.status === 'pending' || e.status === 'sent');
      const rejected = recordEntries.some((e) => e.status === 'rejected');
      return row && (row.pending !== pending || row.rejected !== rejected)
        ? [{ key: row.id, changes: { pending, rejected } }]
        : [];
    });
    await table.bulkUpdate(changed);
  }
}

/** Map.groupBy, which older phone browsers lack. */
function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
