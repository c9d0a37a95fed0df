// Opens the database: PGlite on disk in DATA_DIR/pglite (or `memory://` when DATA_DIR is that), or a
// PostgreSQL server through a node-postgres pool when DATABASE_URL is set.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'drizzle-orm/logger';
import type { Config } from '../config';
import type { Database, Db } from './database';
import { lockDataDir } from './data-dir-lock';
import { pgliteByteaOptions } from './pglite-bytea';
import * as schema from './schema';

export const MEMORY_DATA_DIR = 'memory://';

function logConnectionLost(state: 'idle' | 'in use', error: Error): void {
  const line = {
    time: new Date().toISOString(),
    level: 'warn',
    msg: 'database connection lost',
    state,
    error: error.message,
  };
  process.stderr.write(JSON.stringify(line) + '\n');
}

/**
 * `logger`: sees every statement (the benchmarks count them); production passes none. `loadDataDir`: an
 * in-memory PGlite starts from this dump (`dumpDataDir`) instead of a new cluster: tests open a migrated copy
 * in under a second instead of running initdb and the migrations again for every file.
 */
export interface OpenOptions {
  logger?: Logger;
  loadDataDir?: Blob;
}

export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  options: OpenOptions = {},
): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, options) : openPglite(config.dataDir, options);
}

async function openPostgres(url: string, { logger }: OpenOptions): Promise<Database> {
  // A request waits at most this long for a connection: during an outage it answers 503 instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 15_000, keepAlive: true });
  // A connection dropped by the server (a restart, a failover, an administrator) must not crash the
  // process: node-postgres emits 'error' on the pool for idle clients, and on the client itself while it
  // is checked out, and an 'error' event nobody listens to kills Node. The query in flight fails on its
  // own (the request answers 503), the pool discards the broken client, and the next query connects anew.
  pool.on('error', (error) => logConnectionLost('idle', error));
  pool.on('connect', (client) => client.on('error', (error) => logConnectionLost('in use', error)));
  const db: Db = drizzlePostgres({ client: pool, schema, logger });
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

async function openPglite(dataDir: string, { logger, loadDataDir }: OpenOptions): Promise<Database> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  if (loadDataDir && !inMemory) throw new Error('loadDataDir is for an in-memory database only');
  const lock = inMemory ? undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    // Photo bytes go in as binary parameters and come back without a JS hex parser (pglite-bytea.ts).
    client = new PGlite(inMemory ? MEMORY_DATA_DIR : join(dataDir, 'pglite'), {
      ...pgliteByteaOptions,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    await client.waitReady;
    // A new 16 MB WAL file is written full of zeros by default, in the server's thread, inside whichever
    // statement crosses into it: one COMMIT of a photo upload in about every sixty took 25–40 ms of CPU
    // instead of 3–6 (measured under load). Without the zeros the file only gets its size; PostgreSQL's own
    // option, meant for file systems that gain nothing from the zeros (docs: wal_init_zero).
    await client.exec('SET wal_init_zero = off');
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db: Db = drizzlePglite({ client: yieldingBetweenQueries(client), schema, logger });
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs in this process and answers a query without any I/O, so a request awaiting query after query
 * (and every request queued behind it on PGlite's lock) would run as one chain of microtasks and never let the
 * event loop serve anyone else: during a burst of pushes even a static file waited seconds. Each query inside
 * a transaction first waits for the next turn of the event loop, which bounds a stall to the longest single
 * statement.
 *
 * Waiting for a turn before asking PGlite is not enough when many requests ask at once: twenty requests
 * arriving together (each checking its sign-in token) all passed their turn at once, then queued on PGlite's
 * lock behind a push, and when the push committed the lock handed itself from one to the next in microtasks —
 * twenty statements and the code of twenty requests in one task (the longest stalls of the sync burst, twice
 * per burst: once for the pushes, once for the photo uploads). So statements outside a transaction and whole
 * transactions wait in a queue of this wrapper's own, and each starts on a fresh turn once the one before it
 * has finished: PGlite's lock is then free whenever it is asked. A transaction must not wait for a statement
 * outside itself (it would wait for its own end), as with PGlite's lock already. Only `query` and
 * `transaction` are what drizzle calls; `close` goes to the client itself.
 */
function yieldingBetweenQueries(client: PGlite): PGlite {
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const turn = queue.then(nextTurn).then(run);
    queue = turn.catch(() => undefined);
    return turn;
  };
  const wrapper = Object.create(client) as PGlite;
  wrapper.query = ((...args: Parameters<PGlite['query']>) => inTurn(() => query(...args))) as PGlite['query'];
  wrapper.transaction = (callback) =>
    inTurn(() =>
      transaction((tx) => {
        const yielding = Object.create(tx) as typeof tx;
        yielding.query = (async (...args: Parameters<typeof tx.query>) => {
          await nextTurn();
          return tx.query(...args);
        }) as typeof tx.query;
        return callback(yielding);
      }),
    );
  return wrapper;
}
