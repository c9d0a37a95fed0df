// The database handle every server module receives: one drizzle type for both drivers (PGlite and
// node-postgres), whose raw `execute` results both expose `rows`.
import type { PGlite } from '@electric-sql/pglite';
import type { Assume, ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;

/** The part of a raw query result both drivers share. */
export interface QueryRows<TRow> {
  rows: Assume<TRow, Record<string, unknown>>[];
}

export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<this['row']>;
}

export type Db = PgDatabase<RowsQueryResultHKT, Schema>;
export type DbTx = PgTransaction<RowsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** The database or a transaction on it: functions that write take the transaction they run in. */
export type DbExecutor = Db | DbTx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Closes connections (and, for PGlite, the data directory and its lock). Safe to call twice. */
  close: () => Promise<void>;
  /** The embedded database's PGlite instance on disk (for backups); absent on PostgreSQL and in memory. */
  embedded?: { client: PGlite; dataDir: string };
}
