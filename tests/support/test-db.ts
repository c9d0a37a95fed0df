// Fresh, migrated databases for server tests: PGlite in memory always, and PostgreSQL when TEST_DATABASE_URL
// is set. Each PostgreSQL database is created for one test file and dropped on close: the `test` database
// itself is never assumed empty, nor touched. Under vitest, the server project's global setup
// (database-templates.ts) migrates one database of each kind first, and each test database starts as a copy
// of it (PGlite from its dump, PostgreSQL with CREATE DATABASE … TEMPLATE): the same state as an empty
// database migrated anew, without paying initdb and the migrations once per file. The migrator still runs
// on every copy (it finds nothing to do), so a template older than the migrations would be caught up.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, MEMORY_DATA_DIR, type OpenOptions } from '#server/db/connect';
import type { Database, DatabaseKind } from '#server/db/database';
import { migrateDatabase } from '#server/db/migrate';

export const databaseTargets: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Set by database-templates.ts: a file holding a migrated PGlite's dumpDataDir, and a migrated PostgreSQL database. */
export const PGLITE_TEMPLATE_ENV = 'TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'TEST_POSTGRES_TEMPLATE';

export async function createTestDatabase(kind: DatabaseKind, options: OpenOptions = {}): Promise<Database> {
  const database = kind === 'pglite' ? await createPgliteDatabase(options) : await createPostgresDatabase(options);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function createPgliteDatabase(options: OpenOptions): Promise<Database> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
  return openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: undefined }, { ...options, loadDataDir });
}

async function createPostgresDatabase(options: OpenOptions): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tlb_test_${randomBytes(6).toString('hex')}`;
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  await withAdminClient(adminUrl, (client) =>
    client.query(`create database ${name}${template ? ` template ${template}` : ''}`),
  );
  const database = await openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: databaseUrl(adminUrl, name) }, options);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropPostgresDatabase(adminUrl, name);
    },
  };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function dropPostgresDatabase(adminUrl: string, name: string): Promise<unknown> {
  return withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

export async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
