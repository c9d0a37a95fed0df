// One timed push of the shared sync workload into an in-process app: a fresh database, trainer.na signed in,
// the 3,800 mutations pushed in batches of the given size, one after another as one device does. Only the
// pushes are timed (setup and sign-in are not).
import type { User } from '#domain/schemas/auth';
import type { PullResponse, PushResponse } from '#domain/schemas/sync';
import { uuidv7 } from 'uuidv7';
import { eq } from 'drizzle-orm';
import { spaces } from '#server/db/schema';
import { openBenchApp, type Backend } from './bench-app';
import { timeInsertBaseline } from './insert-baseline';
import { now } from './stats';
import { batchesOf, buildSyncWorkload } from './sync-workload';

export interface PushRun {
  backend: Backend;
  batchSize: number;
  mutations: number;
  applied: number;
  seconds: number;
  mutationsPerSecond: number;
  batchMs: number[];
  /** SQL statements the timed pushes ran (drizzle's logger sees each one). */
  statements: number;
  /** The same rows written with plain multi-row INSERTs into a fresh database (insert-baseline.ts). */
  baselineSeconds: number;
  baselineRows: number;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status !== 200)
    throw new Error(`${response.url || 'request'} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function timePush(backend: Backend, batchSize: number): Promise<PushRun> {
  let counting = false;
  let statements = 0;
  const bench = await openBenchApp(backend, {
    logger: {
      logQuery: () => {
        if (counting) statements += 1;
      },
    },
  });
  try {
    await bench.login('trainer.na');
    const { user } = await json<{ user: User }>(await bench.request('/api/auth/me'));
    const clientId = uuidv7();
    const reference = await json<PullResponse>(
      await bench.request('/api/sync/pull', { json: { clientId, cursor: null } }),
    );
    const topicIds = reference.changes.filter((c) => c.entity === 'topic').map((c) => c.id);
    const batches = batchesOf(buildSyncWorkload(user.unitId, topicIds), batchSize);

    const [space] = await bench.database.db.select().from(spaces).where(eq(spaces.id, user.spaceId));
    const batchMs: number[] = [];
    let applied = 0;
    counting = true;
    const started = now();
    for (const mutations of batches) {
      const before = now();
      const answer = await json<PushResponse>(await bench.request('/api/sync/push', { json: { clientId, mutations } }));
      batchMs.push(now() - before);
      applied += answer.results.filter((r) => r.status === 'applied').length;
    }
    const seconds = (now() - started) / 1000;
    counting = false;
    const mutations = batches.reduce((sum, b) => sum + b.length, 0);
    const baseline = await timeInsertBaseline(backend, bench.database.db, user.spaceId, Number(space!.version));
    return {
      backend,
      batchSize,
      mutations,
      applied,
      seconds,
      mutationsPerSecond: applied / seconds,
      batchMs,
      statements,
      baselineSeconds: baseline.ms / 1000,
      baselineRows: baseline.rows,
    };
  } finally {
    await bench.close();
  }
}
