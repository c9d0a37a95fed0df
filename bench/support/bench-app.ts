// The server app in-process (createApp, driven by app.request(): no port, no HTTP parsing) on a fresh,
// migrated, demo-seeded database of one of three kinds: PGlite on disk (what `npm start` runs), PGlite in
// memory (what the tests run) or PostgreSQL (a database created for the run and dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '#server/app';
import { systemClock } from '#server/clock';
import { openDatabase, type OpenOptions } from '#server/db/connect';
import type { Database } from '#server/db/database';
import { migrateDatabase } from '#server/db/migrate';
import type { AppEnv } from '#server/http/app-env';
import { seedDemo } from '#server/seed/demo';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { CSRF_HEADERS, createTestConfig, TEST_SCRYPT_N } from '../../tests/support/test-app';
import { createTestDatabase } from '../../tests/support/test-db';

export type Backend = 'pglite-disk' | 'pglite-memory' | 'postgres';

export const backendLabels: Record<Backend, string> = {
  'pglite-disk': 'PGlite (on disk, as npm start)',
  'pglite-memory': 'PGlite (memory://, as the tests)',
  postgres: 'PostgreSQL',
};

export interface BenchApp {
  backend: Backend;
  app: Hono<AppEnv>;
  database: Database;
  /** app.request() with the CSRF header, the session cookie and an optional JSON body. */
  request: (path: string, init?: { method?: string; json?: unknown }) => Promise<Response>;
  login: (username: string) => Promise<void>;
  close: () => Promise<void>;
}

async function openBackend(
  backend: Backend,
  options: OpenOptions,
): Promise<{ database: Database; cleanup: () => void }> {
  if (backend === 'pglite-disk') {
    const dir = mkdtempSync(join(tmpdir(), 'tlb-bench-'));
    const database = await openDatabase({ dataDir: dir, databaseUrl: undefined }, options);
    await migrateDatabase(database);
    return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  // createTestDatabase reads TEST_DATABASE_URL for PostgreSQL (see findPostgres).
  return {
    database: await createTestDatabase(backend === 'postgres' ? 'postgres' : 'pglite', options),
    cleanup: () => undefined,
  };
}

/** A fresh migrated database of the kind, not seeded; closing it removes it. */
export async function openBenchDatabase(backend: Backend): Promise<Database> {
  const { database, cleanup } = await openBackend(backend, {});
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        cleanup();
      }
    },
  };
}

/** `options.logger` sees every statement the app runs (push-throughput counts them). */
export async function openBenchApp(backend: Backend, options: OpenOptions = {}): Promise<BenchApp> {
  const { database, cleanup } = await openBackend(backend, options);
  await seedDemo(database.db, { now: systemClock.now(), scryptN: TEST_SCRYPT_N });
  const config = createTestConfig();
  const app = createApp({ db: database.db, dbKind: database.kind, clock: systemClock, config });
  let cookie = '';

  const request: BenchApp['request'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...CSRF_HEADERS, ...(cookie ? { Cookie: cookie } : {}) };
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    return app.request(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  };

  return {
    backend,
    app,
    database,
    request,
    async login(username) {
      const response = await request('/api/auth/login', { json: { username, password: DEMO_PASSWORD } });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
      cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    },
    async close() {
      try {
        await database.close();
      } finally {
        cleanup();
      }
    },
  };
}
