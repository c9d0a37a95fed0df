// push-throughput: mutations applied per second when one device pushes the shared workload (100 sessions,
// 600 people, 3,000 attendance rows: 3,800 mutations) in batches of 100 and of 500, on PGlite and on
// PostgreSQL, in one run. In-process: createApp + app.request() (no HTTP, plain JSON bodies), a fresh
// database per run, so the figure is the server's push path and its database, not the network.
// Runs go PGlite, PostgreSQL (batches of 100), then PostgreSQL, PGlite (batches of 500): a drift in machine
// load falls on both databases.
// PostgreSQL is skipped, with the reason, when no server answers.
// Run: `npx tsx bench/push-throughput.ts` (BENCH_PUSH_ROUNDS=n repeats the block; default 1).
import { backendLabels, type Backend } from './support/bench-app';
import { findPostgres } from './support/postgres';
import { timePush, type PushRun } from './support/push-run';
import { printResult, progress, type BenchTable } from './support/result';
import { int, median, ms, ratio, round, times } from './support/stats';

const ROUNDS = Number(process.env.BENCH_PUSH_ROUNDS ?? '1');
const BATCH_SIZES = [100, 500];

async function main(): Promise<void> {
  const postgres = await findPostgres();
  const backends: Backend[] = postgres.url ? ['pglite-disk', 'postgres'] : ['pglite-disk'];
  const runs: PushRun[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const plan = BATCH_SIZES.flatMap((size, i) =>
      (i % 2 === 0 ? backends : [...backends].reverse()).map((b) => [b, size] as const),
    );
    for (const [backend, size] of plan) {
      progress(`push-throughput: ${backend}, batches of ${size}`);
      const run = await timePush(backend, size);
      if (run.applied !== run.mutations)
        throw new Error(`${run.mutations - run.applied} mutations were not applied on ${backend}`);
      runs.push(run);
    }
  }

  const rate = (backend: Backend, size: number) => {
    const mine = runs.filter((r) => r.backend === backend && r.batchSize === size);
    return mine.length ? median(mine.map((r) => r.mutationsPerSecond)) : null;
  };
  const batchMedian = (backend: Backend, size: number) => {
    const mine = runs.filter((r) => r.backend === backend && r.batchSize === size);
    return mine.length ? median(mine.flatMap((r) => r.batchMs)) : null;
  };
  const statementsPerMutation = (backend: Backend, size: number) => {
    const mine = runs.filter((r) => r.backend === backend && r.batchSize === size);
    return mine.length ? median(mine.map((r) => r.statements / r.mutations)) : null;
  };
  const overBaseline = (backend: Backend, size: number) => {
    const mine = runs.filter((r) => r.backend === backend && r.batchSize === size);
    return mine.length ? median(mine.map((r) => r.seconds / r.baselineSeconds)) : null;
  };
  const baselineTable: BenchTable = {
    title: 'The push path against plain multi-row INSERTs of the same rows, measured in the same run',
    head: [
      'batch size',
      'database',
      'push: mutations/s',
      'statements per mutation',
      'INSERT baseline',
      'push ÷ baseline',
    ],
    rows: BATCH_SIZES.flatMap((size) =>
      backends.map((backend) => {
        const mine = runs.filter((r) => r.backend === backend && r.batchSize === size);
        return [
          size,
          backendLabels[backend],
          `${int(rate(backend, size))} /s`,
          round(statementsPerMutation(backend, size) ?? 0, 3),
          ms(median(mine.map((r) => r.baselineSeconds * 1000)), 0),
          times(overBaseline(backend, size)),
        ];
      }),
    ),
  };
  const table: BenchTable = {
    title: `Mutations applied per second (${int(runs[0]?.mutations ?? 0)} mutations per run${ROUNDS > 1 ? `, median of ${ROUNDS} runs` : ''})`,
    head: [
      'batch size',
      backendLabels['pglite-disk'],
      postgres.url ? 'PostgreSQL' : 'PostgreSQL (skipped)',
      'PostgreSQL ÷ PGlite',
      'median push request (PGlite / PostgreSQL)',
    ],
    rows: BATCH_SIZES.map((size) => [
      size,
      `${int(rate('pglite-disk', size))} /s`,
      postgres.url ? `${int(rate('postgres', size))} /s` : '—',
      times(ratio(rate('postgres', size), rate('pglite-disk', size))),
      `${ms(batchMedian('pglite-disk', size), 0)} / ${ms(batchMedian('postgres', size), 0)}`,
    ]),
  };
  const at500 = ratio(rate('postgres', 500), rate('pglite-disk', 500));
  printResult({
    bench: 'push-throughput',
    title: 'Push throughput: PGlite versus PostgreSQL',
    method:
      'In-process (createApp + app.request(): no network, plain JSON bodies), a fresh migrated and demo-seeded database per run ' +
      '(PGlite in a temporary data directory, as `npm start` runs it; PostgreSQL in a database created for the run). ' +
      'trainer.na pushes the sync-bytes workload (session.put, participant.put, attendance.put, session.submit) one batch after ' +
      'another, as one device does; only the pushes are timed. Each push is one transaction: the rows it touches read in a few ' +
      'set-based statements, the shared mutators run in memory, the changes written with multi-row upserts, under ' +
      `the space's version counter row lock (docs/sync.md). Order: PGlite then PostgreSQL for batches of 100, ` +
      `PostgreSQL then PGlite for batches of 500; ${ROUNDS} round(s).`,
    headline: [
      `Push throughput, batches of 500: ${int(rate('pglite-disk', 500))} mutations/s on PGlite` +
        (postgres.url
          ? ` vs ${int(rate('postgres', 500))} on PostgreSQL (PostgreSQL ÷ PGlite ${times(at500)}); batches of 100: ` +
            `${int(rate('pglite-disk', 100))} vs ${int(rate('postgres', 100))} (${times(ratio(rate('postgres', 100), rate('pglite-disk', 100)))}).`
          : `; PostgreSQL not measured (${postgres.reason}).`),
      `Batches of 500 against plain multi-row INSERTs of the same rows: ${times(overBaseline('pglite-disk', 500))} on PGlite` +
        (postgres.url ? `, ${times(overBaseline('postgres', 500))} on PostgreSQL` : '') +
        `; ${round(statementsPerMutation('pglite-disk', 500) ?? 0, 3)} statements per mutation (before: 6.47).`,
    ],
    tables: [table, baselineTable],
    notes: [
      'A single device pushing serially is the worst case for throughput (one transaction at a time); every mutation was applied, none rejected.',
      'Statements per mutation count every SQL statement the timed requests ran, the sign-in token check of each request included.',
      `INSERT baseline: the ${int(runs[0]?.baselineRows ?? 0)} rows the pushes left (sessions, people, attendance), written into a fresh database of the same kind ` +
        'with multi-row INSERT … ON CONFLICT DO UPDATE, one transaction per push version with the space counter bumped (bench/support/insert-baseline.ts).',
      'Before the set-based push (main at af97ccd, issue 8): 168 /s on PGlite and 390 /s on PostgreSQL for batches of 500, 6.47 statements per mutation, 36× (PGlite) and 41× (PostgreSQL) the INSERT baseline.',
      postgres.url
        ? `PostgreSQL ${postgres.version} at ${postgres.url} (same machine, over TCP), a fresh database per run, dropped after.`
        : `PostgreSQL skipped: ${postgres.reason}.`,
    ],
    data: runs.map((r) => ({
      ...r,
      seconds: round(r.seconds, 2),
      mutationsPerSecond: round(r.mutationsPerSecond, 1),
      batchMs: r.batchMs.map((v) => round(v, 1)),
    })),
  });
}

await main();
