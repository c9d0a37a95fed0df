// Writes what a push changed, set by set: per table, one multi-row INSERT … ON CONFLICT (id) DO UPDATE for
// the rows it tombstones and one for the rows it keeps live (tombstones first, so a pair of session and
// person freed by a deleted attendance row can be taken by a new one), parents before children; then the
// images of deleted photos and the audit entries, each in one statement. Every row gets its space's version
// of this push (version-stamps.ts) and the server's time, and the pushing client's echo stamp when its device
// holds the row exactly as written (echo-stamps.ts).
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { MutableEntity } from '#domain/mutators/transaction';
import type { AuditEntry } from '../audit';
import type { DbTx } from '../db/database';
import { auditLog, photoBlobs } from '../db/schema';
import type { BatchEntry } from './batch-store';
import { isEchoed, type EchoContext } from './echo-stamps';
import { columnsOf, mutableTables } from './record-columns';
import type { VersionStamps } from './version-stamps';

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;
/** Columns an upsert never overwrites: set once, or owned by the organiser's merge of people (issue 13). */
const KEEP_ON_UPDATE = new Set(['id', 'spaceId', 'createdAt', 'mergedInto']);

export async function flushBatch(
  tx: DbTx,
  dirty: readonly BatchEntry[],
  audit: readonly AuditEntry[],
  stamps: VersionStamps,
  now: Date,
  echo?: EchoContext,
): Promise<void> {
  const versions = new Map<string, number>();
  for (const spaceId of [...new Set(dirty.map((e) => e.spaceId))].sort())
    versions.set(spaceId, await stamps.for(tx, spaceId));

  for (const entity of ['session', 'participant', 'attendance', 'photo'] as const) {
    const mine = dirty.filter((e) => e.entity === entity);
    for (const deleted of [true, false]) {
      const rows = mine
        .filter((e) => e.deleted === deleted)
        .map((e) => ({
          ...(columnsOf[entity] as (row: BatchEntry['row']) => Record<string, unknown>)(e.row),
          spaceId: e.spaceId,
          version: versions.get(e.spaceId)!,
          deleted,
          createdAt: e.createdAt ?? now,
          updatedAt: now,
          // Stamped or not, the columns are written: a row this write does not stamp loses an older stamp.
          ...(isEchoed(echo, e)
            ? { echoClientId: echo!.clientId, echoVersion: versions.get(e.spaceId)! }
            : { echoClientId: null, echoVersion: null }),
        }));
      await upsert(tx, entity, rows);
    }
  }

  const goneImages = dirty.filter((e) => e.entity === 'photo' && e.deleted && e.createdAt).map((e) => e.row.id);
  if (goneImages.length > 0) await tx.delete(photoBlobs).where(inArray(photoBlobs.photoId, goneImages));
  if (audit.length > 0) {
    await tx.insert(auditLog).values(
      audit.map((entry) => ({
        at: entry.at,
        action: entry.action,
        userId: entry.userId ?? null,
        spaceId: entry.spaceId ?? null,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        detail: entry.detail ?? null,
      })),
    );
  }
}

const updateSets = new Map<MutableEntity, Record<string, SQL>>();

function updateSetOf(table: PgTable): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      // Generated columns (participants' person keys) are the database's to compute.
      .filter(([key, column]) => !KEEP_ON_UPDATE.has(key) && !column.generated)
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
}

async function upsert(tx: DbTx, entity: MutableEntity, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const table = mutableTables[entity];
  const set = updateSets.get(entity) ?? updateSetOf(table);
  updateSets.set(entity, set);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx
      .insert(table)
      .values(chunk as never)
      .onConflictDoUpdate({ target: table.id, set });
  }
}
