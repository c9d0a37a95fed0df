// people-duplicates: GET /api/people/duplicates (issue 13: within 1 s) for a province's registries — 7,500
// people, 300 planted second registrations and 200 look-alikes (tests/support/people-province.ts) — on PGlite
// and PostgreSQL side by side in one process, asked in rotating order so machine noise falls on both. Each
// answer is also scored: how many planted pairs the top 300 groups hold.
// Run: `npx tsx bench/people-duplicates.ts` (BENCH_DUPLICATES_REQUESTS=n for more samples).
import { sql } from 'drizzle-orm';
import type { DuplicatesResponse } from '#domain/schemas/people';
import { generatePeopleProvince, PROVINCE_PEOPLE, type PeopleProvince } from '../tests/support/people-province';
import { openBenchApp, type BenchApp, type Backend } from './support/bench-app';
import { findPostgres } from './support/postgres';
import { printResult, progress, type BenchTable } from './support/result';
import { median, ms, now, percentile, ratio, times } from './support/stats';

const REQUESTS = Number(process.env.BENCH_DUPLICATES_REQUESTS ?? '10');
const WARM_UP = 2;
const QUERY = `/api/people/duplicates?limit=${PROVINCE_PEOPLE.planted}`;
const TARGET_MS = 1000;

interface Loaded {
  key: string;
  label: string;
  bench: BenchApp;
  province: PeopleProvince;
  samples: number[];
  found: number;
}

async function load(key: string, label: string, backend: Backend): Promise<Loaded> {
  progress(`people-duplicates: loading the registries into ${label}`);
  const bench = await openBenchApp(backend);
  const province = await generatePeopleProvince(bench.database.db);
  await bench.database.db.execute(sql`analyze`);
  await bench.login('organiser.na');
  return { key, label, bench, province, samples: [], found: 0 };
}

async function timeOnce(loaded: Loaded): Promise<number> {
  const started = now();
  const response = await loaded.bench.request(QUERY);
  const text = await response.text();
  const elapsed = now() - started;
  if (response.status !== 200) throw new Error(`duplicates answered ${response.status}: ${text.slice(0, 300)}`);
  const { groups } = JSON.parse(text) as DuplicatesResponse;
  const inGroup = (a: string, b: string) =>
    groups.some((g) => g.people.some((p) => p.id === a) && g.people.some((p) => p.id === b));
  loaded.found = loaded.province.planted.filter((pair) => inGroup(pair.baseId, pair.otherId)).length;
  return elapsed;
}

async function main(): Promise<void> {
  const postgres = await findPostgres();
  const loaded: Loaded[] = [];
  try {
    loaded.push(await load('pglite', 'PGlite (on disk, as npm start), ANALYZEd', 'pglite-disk'));
    if (postgres.url) loaded.push(await load('postgres', 'PostgreSQL, ANALYZEd', 'postgres'));
    for (const l of loaded) for (let i = 0; i < WARM_UP; i += 1) await timeOnce(l);
    progress(`people-duplicates: ${REQUESTS} requests each, in rotating order`);
    for (let i = 0; i < REQUESTS; i += 1) {
      for (let k = 0; k < loaded.length; k += 1) {
        const l = loaded[(i + k) % loaded.length]!;
        l.samples.push(await timeOnce(l));
      }
    }
  } finally {
    for (const l of loaded) await l.bench.close();
  }
  const [lite, pg] = [loaded[0]!, loaded[1]];
  const cell = (l: Loaded | undefined, f: (s: number[]) => number) => (l ? f(l.samples) : null);
  const row = (label: string, f: (s: number[]) => number) => [
    label,
    ms(cell(lite, f)),
    ms(cell(pg, f)),
    times(ratio(cell(lite, f), cell(pg, f))),
  ];
  const table: BenchTable = {
    title: `GET ${QUERY} as organiser.na: ${REQUESTS} timed requests per database after ${WARM_UP} warm-ups (target ≤ ${TARGET_MS} ms)`,
    head: ['figure', lite.label, pg ? pg.label : 'PostgreSQL (skipped)', 'PGlite ÷ PostgreSQL'],
    rows: [
      row('median', median),
      row('p95 (nearest rank)', (s) => percentile(s, 95)),
      [
        'planted pairs in the top 300 groups',
        `${lite.found} / ${PROVINCE_PEOPLE.planted}`,
        pg ? `${pg.found} / ${PROVINCE_PEOPLE.planted}` : '—',
        '—',
      ],
    ],
  };
  printResult({
    bench: 'people-duplicates',
    title: 'Duplicate finder: likely duplicate people of a province on PGlite and PostgreSQL',
    method:
      `Each database is migrated, demo-seeded and loaded with ${PROVINCE_PEOPLE.base + PROVINCE_PEOPLE.planted + PROVINCE_PEOPLE.lookAlikes} ` +
      `registrations (${PROVINCE_PEOPLE.planted} planted second registrations, ${PROVINCE_PEOPLE.lookAlikes} look-alikes), then ANALYZEd; ` +
      `the finder is requested through app.request() in rotating order. Latency is the time to the full JSON body, evidence included.`,
    headline: [
      `Likely duplicates of ${PROVINCE_PEOPLE.base + PROVINCE_PEOPLE.planted + PROVINCE_PEOPLE.lookAlikes} registrations: median ` +
        `${ms(median(lite.samples))} on PGlite` +
        (pg ? `, ${ms(median(pg.samples))} on PostgreSQL` : '') +
        ` (target ≤ ${TARGET_MS} ms).`,
    ],
    tables: [table],
    notes: [
      postgres.url
        ? `PostgreSQL ${postgres.version}, a fresh database for the run.`
        : `PostgreSQL skipped: ${postgres.reason}.`,
    ],
    data: loaded.map((l) => ({ target: l.key, samplesMs: l.samples, found: l.found })),
  });
}

await main();
