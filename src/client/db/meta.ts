// Typed access to the `meta` table (key → value): the client id, mutation counters, pull cursor, the
// last sync outcome, whether a reset pull is under way, whether the device holds a working set, the pull
// page size it learned and the draft "New session" made last. Call inside a transaction that includes
// `meta` to read and write atomically.
import { uuidv7 } from 'uuidv7';
import type { LogbookDb } from './database';
import type { MetaKey, MetaValues } from './local-rows';

const defaults: { [K in MetaKey]: () => MetaValues[K] } = {
  clientId: () => uuidv7(),
  userId: () => '',
  nextMutationId: () => 1,
  cursor: () => null,
  lastMutationId: () => 0,
  lastSyncAt: () => null,
  lastSyncError: () => null,
  resetInProgress: () => false,
  workingSet: () => false,
  pullLimit: () => null,
  lastDraftId: () => null,
};

export async function getMeta<K extends MetaKey>(db: LogbookDb, key: K): Promise<MetaValues[K]> {
  const row = await db.meta.get(key);
  if (row) return row.value as MetaValues[K];
  // A database from before a key existed: make the default once, so a client id never changes.
  const value = key === 'userId' ? (db.userId as MetaValues[K]) : defaults[key]();
  await db.meta.put({ key, value });
  return value;
}

export async function setMeta<K extends MetaKey>(db: LogbookDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** Writes several values in one request. */
export async function setMetas(db: LogbookDb, values: Partial<MetaValues>): Promise<void> {
  await db.meta.bulkPut(Object.entries(values).map(([key, value]) => ({ key: key as MetaKey, value })));
}

/** Reads every meta value in one go (for the sync page). */
export async function readAllMeta(db: LogbookDb): Promise<Partial<MetaValues>> {
  const rows = await db.meta.toArray();
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}
