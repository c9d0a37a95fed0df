// Opens the database: PGlite on disk in DATA_DIR/pglite (or `memory://` when DATA_DIR is that), or a
// PostgreSQL server through a node-postgres pool when DATABASE_URL is set.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config';
import type { Database, Db } from './database';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export const MEMORY_DATA_DIR = 'memory://';

function logConnectionLost(state: 'idle' | 'in use', error: Error): void {
  const line = { time: new Date().toISOString(), level: 'warn', msg: 'database connection lost', state, error: error.message };
  process.stderr.write(JSON.stringify(line) + '\n');
}

export async function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  // A request waits at most this long for a connection: during an outage it answers 503 instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 15_000, keepAlive: true });
  // A connection dropped by the server (a restart, a failover, an administrator) must not crash the
  // process: node-postgres emits 'error' on the pool for idle clients, and on the client itself while it
  // is checked out, and an 'error' event nobody listens to kills Node. The query in flight fails on its
  // own (the request answers 503), the pool discards the broken client, and the next query connects anew.
  pool.on('error', (error) => logConnectionLost('idle', error));
  pool.on('connect', (client) => client.on('error', (error) => logConnectionLost('in use', error)));
  const db: Db = drizzlePostgres({ client: pool, schema });
  let closed = false;
  return {
    db,
    kind: 'postgres',
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  const lock = inMemory ? undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = inMemory ? new PGlite(MEMORY_DATA_DIR) : new PGlite(join(dataDir, 'pglite'));
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db: Db = drizzlePglite({ client, schema });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ...(inMemory ? {} : { embedded: { client, dataDir } }),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
