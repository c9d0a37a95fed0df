// The floor a push is measured against: the very rows the product's pushes left in its database (sessions,
// people, attendance), written into a second fresh database of the same kind with plain multi-row
// INSERT … ON CONFLICT (id) DO UPDATE, one transaction per push (grouped by the version that last wrote
// each row, with the space's counter bumped under its lock as a push does). No reading, no rules, no
// results: what writing those rows costs that database. The reference rows they point to (spaces, units,
// users, topics) are copied over first with their ids.
import { eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '#server/db/database';
import { attendance, participants, sessions, spaces, topics, units, users } from '#server/db/schema';
import { openBenchDatabase, type Backend } from './bench-app';
import { now } from './stats';

const MAX_PARAMETERS = 30_000;

async function insertMany(
  db: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  table: PgTable,
  rows: Record<string, unknown>[],
  upsert: boolean,
) {
  if (rows.length === 0) return;
  // Generated columns (the people keys) are the database's to compute: never written.
  const generated = new Set(
    Object.entries(getTableColumns(table))
      .filter(([, column]) => column.generated)
      .map(([key]) => key),
  );
  rows = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !generated.has(key))));
  const set = Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => key !== 'id' && key !== 'createdAt' && !generated.has(key))
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = db.insert(table).values(rows.slice(i, i + per));
    await (upsert ? chunk.onConflictDoUpdate({ target: (table as typeof sessions).id, set }) : chunk);
  }
}

/** Times writing what `source` holds after the pushes into a fresh database; answers the milliseconds. */
export async function timeInsertBaseline(
  backend: Backend,
  source: Db,
  spaceId: string,
  sinceVersion: number,
): Promise<{ ms: number; rows: number; transactions: number }> {
  const target = await openBenchDatabase(backend);
  try {
    await insertMany(target.db, spaces, await source.select().from(spaces), false);
    const allUnits = await source.select().from(units);
    await insertMany(
      target.db,
      units,
      allUnits.filter((u) => u.parentId === null),
      false,
    );
    await insertMany(
      target.db,
      units,
      allUnits.filter((u) => u.parentId !== null),
      false,
    );
    await insertMany(target.db, users, await source.select().from(users), false);
    await insertMany(target.db, topics, await source.select().from(topics), false);

    const tables = [sessions, participants, attendance] as const;
    const [sessionRows, peopleRows, attendanceRows] = [
      await source.select().from(sessions).where(gt(sessions.version, sinceVersion)),
      await source.select().from(participants).where(gt(participants.version, sinceVersion)),
      await source.select().from(attendance).where(gt(attendance.version, sinceVersion)),
    ];
    const written: { version: number }[][] = [sessionRows, peopleRows, attendanceRows];
    // A session last written by its submit goes in with its first attendance row, so the rows' references hold.
    const firstUse = new Map<string, number>();
    for (const row of attendanceRows)
      firstUse.set(row.sessionId, Math.min(firstUse.get(row.sessionId) ?? row.version, row.version));
    for (const row of sessionRows) row.version = Math.min(row.version, firstUse.get(row.id) ?? row.version);
    const versions = [...new Set(written.flat().map((row) => row.version))].sort((a, b) => a - b);
    const started = now();
    for (const version of versions) {
      await target.db.transaction(async (tx) => {
        await tx
          .update(spaces)
          .set({ version: sql`${spaces.version} + 1` })
          .where(eq(spaces.id, spaceId))
          .returning({ version: spaces.version });
        for (const [i, table] of tables.entries()) {
          await insertMany(
            tx,
            table,
            written[i]!.filter((row) => row.version === version),
            true,
          );
        }
      });
    }
    return { ms: now() - started, rows: written.flat().length, transactions: versions.length };
  } finally {
    await target.close();
  }
}
