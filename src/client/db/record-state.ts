// How a record's local row relates to the server: row = last known server state (its "base") with
// the record's outbox entries re-applied on top in id order. While a record has entries its base is
// kept in `bases`, so a pull or a discard can rebuild the row exactly.
// Call these inside a transaction over the entity tables, `outbox` and `bases`.
import type { SyncEntity } from '../../domain/schemas/sync';
import type { LogbookDb } from './database';
import { entityTable } from './entities';
import { MutationError } from '../../domain/mutators/mutation-error';
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

/** A server row as stored locally: no unsent changes, plus the derived search key for participants. */
export function toLocalRow(entity: SyncEntity, row: Record<string, unknown>): Record<string, unknown> & { id: string } {
  const local: Record<string, unknown> = { ...row, pending: false, rejected: false };
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

/** Sets `pending`/`rejected` on each record from its outbox entries; forgets bases no longer needed. */
export async function refreshMarkers(db: LogbookDb, refs: Iterable<RecordRef>): Promise<void> {
  const seen = new Set<string>();
  for (const [entity, id] of refs) {
    const key = recordKey(entity, id);
    if (seen.has(key)) continue;
    seen.add(key);
    const entries = await db.outbox.where('[entity+entityId]').equals([entity, id]).toArray();
    if (entries.length === 0) await db.bases.delete([entity, id]);
    const pending = entries.some((e) => e.status === 'pending' || e.status === 'sent');
    const rejected = entries.some((e) => e.status === 'rejected');
    const table = entityTable(db, entity);
    const row = await table.get(id);
    if (row && (row.pending !== pending || row.rejected !== rejected)) await table.update(id, { pending, rejected });
  }
}
