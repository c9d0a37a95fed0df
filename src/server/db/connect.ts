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

export async function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, a failover, an administrator) must not crash the
  // process: node-postgres emits 'error' on the pool, which kills Node when nobody listens. The pool
  // replaces the connection on the next query.
  pool.on('error', (error) => {
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'idle database connection lost', error: error.message }));
  });
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
