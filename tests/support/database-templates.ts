// Vitest global setup of the server project: one migrated database of each kind, made before any test file
// runs, that test-db.ts copies for each test database (see there). PGlite's is a dump in a temporary file;
// PostgreSQL's a database of this run's own, dropped at the end. Both exist only for this run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { openDatabase, MEMORY_DATA_DIR } from '#server/db/connect';
import type { Database } from '#server/db/database';
import { migrateDatabase } from '#server/db/migrate';
import * as schema from '#server/db/schema';
import {
  databaseUrl,
  dropPostgresDatabase,
  PGLITE_TEMPLATE_ENV,
  POSTGRES_TEMPLATE_ENV,
  withAdminClient,
} from './test-db';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'tlb-template-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const postgresName = adminUrl ? `tlb_template_${randomBytes(6).toString('hex')}` : undefined;
  const teardown = async () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    delete process.env[POSTGRES_TEMPLATE_ENV];
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl && postgresName) await dropPostgresDatabase(adminUrl, postgresName);
  };
  try {
    const dumpFile = join(dir, 'pglite.tar');
    writeFileSync(dumpFile, await migratedPgliteDump());
    process.env[PGLITE_TEMPLATE_ENV] = dumpFile;
    if (adminUrl && postgresName) {
      await withAdminClient(adminUrl, (client) => client.query(`create database ${postgresName}`));
      const database = await openDatabase({
        dataDir: MEMORY_DATA_DIR,
        databaseUrl: databaseUrl(adminUrl, postgresName),
      });
      try {
        await migrateDatabase(database);
      } finally {
        // A template takes no connections: CREATE DATABASE … TEMPLATE refuses one that has any.
        await database.close();
      }
      process.env[POSTGRES_TEMPLATE_ENV] = postgresName;
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/**
 * The migrations applied by the server's own migrator to a new in-memory PGlite, dumped. The client is
 * opened here rather than through openDatabase, whose query-yielding wrapper cannot dump.
 */
async function migratedPgliteDump(): Promise<Buffer> {
  const client = new PGlite(MEMORY_DATA_DIR);
  try {
    const database: Database = {
      db: drizzle({ client, schema }),
      kind: 'pglite',
      close: () => client.close(),
    };
    await migrateDatabase(database);
    const dump = await client.dumpDataDir('none');
    return Buffer.from(await dump.arrayBuffer());
  } finally {
    await client.close();
  }
}
