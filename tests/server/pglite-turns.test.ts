// PGlite in the server's own thread (src/server/db/connect.ts): statements of many requests at once, and
// transactions, each start on a turn of the event loop of their own, so that nothing queued behind PGlite's
// lock runs as one chain of microtasks while other requests (a static file, /api/health) wait; and a new WAL
// file is not filled with zeros inside whichever statement crosses into it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_DATA_DIR, openDatabase } from '#server/db/connect';
import type { Database } from '#server/db/database';

/** Counts turns of the event loop: the number read at any moment says which turn it is. */
function turnCounter() {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turn,
    stop: () => {
      running = false;
    },
  };
}

describe('PGlite in the server thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: undefined });
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers twenty statements asked at once on twenty different turns, in the order asked', async () => {
    const turns = turnCounter();
    const answered: { i: number; turn: number }[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await database.db.execute(sql`select ${i}::int as i`);
        answered.push({ i, turn: turns.now() });
      }),
    );
    turns.stop();
    expect(answered.map((a) => a.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(answered.map((a) => a.turn)).size).toBe(20);
  });

  it('runs statements asked during a transaction after it, each on its own turn, and none inside it', async () => {
    const turns = turnCounter();
    const events: string[] = [];
    const answeredAt: number[] = [];
    const transaction = database.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i += 1) {
        await tx.execute(sql`select ${i}::int`);
        events.push(`tx ${i}`);
      }
    });
    const outside = Array.from({ length: 5 }, async (_, i) => {
      await database.db.execute(sql`select ${i}::int`);
      events.push(`outside ${i}`);
      answeredAt.push(turns.now());
    });
    await Promise.all([transaction, ...outside]);
    turns.stop();
    expect(events).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `tx ${i}`),
      ...Array.from({ length: 5 }, (_, i) => `outside ${i}`),
    ]);
    expect(new Set(answeredAt).size).toBe(5);
  });

  it('does not fill new WAL files with zeros in the server thread', async () => {
    const { rows } = await database.db.execute(sql`show wal_init_zero`);
    expect(rows).toEqual([{ wal_init_zero: 'off' }]);
  });

  it('keeps serving after a statement fails: the next one in the queue still runs', async () => {
    const failing = database.db.execute(sql`select * from no_such_table`);
    const next = database.db.execute(sql`select 1 as one`);
    await expect(failing).rejects.toThrow();
    expect((await next).rows).toEqual([{ one: 1 }]);
  });
});
