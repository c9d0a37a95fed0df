// A real server process (src/server/main.ts, PGlite on disk as `npm start` runs) over a data directory
// loaded beforehand in bulk: migrated, demo-seeded, then one or more province-years (province-year.ts).
// The loading runs in this process and closes the database before the server opens it (PGlite allows one
// process per data directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '#server/clock';
import { openDatabase } from '#server/db/connect';
import type { Db } from '#server/db/database';
import { migrateDatabase } from '#server/db/migrate';
import { seedDemo } from '#server/seed/demo';
import { startServer, type RunningServer } from '../../tests/support/browser';
import { TEST_SCRYPT_N } from '../../tests/support/test-app';

export interface LoadedServer extends RunningServer {
  /** Seconds spent loading the rows (not part of any measured figure). */
  loadSeconds: number;
}

export async function startLoadedServer(load: (db: Db) => Promise<void>): Promise<LoadedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tlb-bench-data-'));
  const started = performance.now();
  const database = await openDatabase({ dataDir, databaseUrl: undefined });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, { now: systemClock.now(), scryptN: TEST_SCRYPT_N });
    await load(database.db);
  } finally {
    await database.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  return {
    ...server,
    dataDir,
    loadSeconds,
    async stop() {
      try {
        await server.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
