// Fresh, migrated databases for server tests: PGlite in memory always, and PostgreSQL when TEST_DATABASE_URL
// is set. Each PostgreSQL database is created for one test file and dropped on close: the `test` database
// itself is never assumed empty, nor touched.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, MEMORY_DATA_DIR, type OpenOptions } from '#server/db/connect';
import type { Database, DatabaseKind } from '#server/db/database';
import { migrateDatabase } from '#server/db/migrate';

export const databaseTargets: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function createTestDatabase(kind: DatabaseKind, options: OpenOptions = {}): Promise<Database> {
  const database =
    kind === 'pglite'
      ? await openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: undefined }, options)
      : await createPostgresDatabase(options);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function createPostgresDatabase(options: OpenOptions): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tlb_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: url.toString() }, options);
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
