// report-latency: GET /api/reports/summary for a whole province-year (3,000 sessions, ~80,000 attendance
// rows) on PGlite and on PostgreSQL, side by side in one process: the apps are in-process (createApp +
// app.request(), no HTTP), loaded with the same rows, and asked in rotating order so machine noise falls on
// all of them. PGlite is measured twice: ANALYZEd like PostgreSQL, and never analyzed, as a PGlite server is
// today (PGlite has no autovacuum). PostgreSQL is skipped, with the reason, when no server answers.
// Run: `npx tsx bench/report-latency.ts` (BENCH_REPORT_REQUESTS=n for more samples).
import { openBenchApp, type BenchApp, type Backend } from './support/bench-app';
import { findPostgres } from './support/postgres';
import { generateProvinceYear, type ProvinceYear } from './support/province-year';
import { printResult, progress, type BenchTable } from './support/result';
import { int, median, ms, now, percentile, ratio, round, times } from './support/stats';

const REQUESTS = Number(process.env.BENCH_REPORT_REQUESTS ?? '10');
const WARM_UP = 2;
const QUERY = '/api/reports/summary?from=2026-01-01&to=2026-12-31';

interface Target {
  key: string;
  label: string;
  backend: Backend;
  analyze: boolean;
}

interface Loaded extends Target {
  bench: BenchApp;
  year: ProvinceYear;
  loadSeconds: number;
  samples: number[];
  summary: { sessions: number; participantTurns: number; uniqueParticipants: number };
}

const targets: Target[] = [
  { key: 'pglite', label: 'PGlite (on disk), ANALYZEd', backend: 'pglite-disk', analyze: true },
  { key: 'postgres', label: 'PostgreSQL, ANALYZEd', backend: 'postgres', analyze: true },
  { key: 'pglite-raw', label: 'PGlite, never analyzed (as deployed today)', backend: 'pglite-disk', analyze: false },
];

async function load(target: Target): Promise<Loaded> {
  progress(`report-latency: loading a province-year into ${target.label}`);
  const bench = await openBenchApp(target.backend);
  const started = now();
  const year = await generateProvinceYear(bench.database.db, { analyze: target.analyze });
  const loadSeconds = (now() - started) / 1000;
  await bench.login('organiser.na');
  return {
    ...target,
    bench,
    year,
    loadSeconds,
    samples: [],
    summary: { sessions: 0, participantTurns: 0, uniqueParticipants: 0 },
  };
}

async function timeSummary(loaded: Loaded): Promise<number> {
  const started = now();
  const response = await loaded.bench.request(QUERY);
  const text = await response.text();
  const elapsed = now() - started;
  if (response.status !== 200) throw new Error(`summary answered ${response.status}: ${text.slice(0, 300)}`);
  const { sessions, participantTurns, uniqueParticipants } = JSON.parse(text) as Loaded['summary'];
  loaded.summary = { sessions, participantTurns, uniqueParticipants };
  return elapsed;
}

async function main(): Promise<void> {
  const postgres = await findPostgres();
  const loaded: Loaded[] = [];
  try {
    for (const target of targets) if (target.backend !== 'postgres' || postgres.url) loaded.push(await load(target));
    for (const l of loaded) for (let i = 0; i < WARM_UP; i += 1) await timeSummary(l);
    progress(`report-latency: ${REQUESTS} requests each, in rotating order`);
    for (let i = 0; i < REQUESTS; i += 1) {
      for (let k = 0; k < loaded.length; k += 1) {
        const l = loaded[(i + k) % loaded.length]!;
        l.samples.push(await timeSummary(l));
      }
    }
  } finally {
    for (const l of loaded) await l.bench.close();
  }

  const by = (key: string) => loaded.find((l) => l.key === key);
  const lite = by('pglite')!;
  const raw = by('pglite-raw')!;
  const pg = by('postgres');
  if (loaded.some((l) => JSON.stringify(l.summary) !== JSON.stringify(lite.summary))) {
    throw new Error(`the databases disagree: ${JSON.stringify(loaded.map((l) => l.summary))}`);
  }
  const p95 = (s: number[]) => percentile(s, 95);
  const fastest = (s: number[]) => Math.min(...s);
  const cell = (l: Loaded | undefined, f: (s: number[]) => number) => (l ? f(l.samples) : null);
  const row = (label: string, f: (s: number[]) => number) => [
    label,
    ms(cell(lite, f)),
    ms(cell(pg, f)),
    times(ratio(cell(lite, f), cell(pg, f))),
    ms(cell(raw, f)),
    times(ratio(cell(raw, f), cell(lite, f))),
  ];
  const table: BenchTable = {
    title: `GET ${QUERY} as organiser.na (the whole province): ${REQUESTS} timed requests per database after ${WARM_UP} warm-ups`,
    head: [
      'figure',
      lite.label,
      pg ? pg.label : 'PostgreSQL (skipped)',
      'PGlite ÷ PostgreSQL',
      raw.label,
      'never analyzed ÷ ANALYZEd',
    ],
    rows: [
      row('median', median),
      row('p95 (nearest rank)', p95),
      row('fastest', fastest),
      [
        'bulk load time (not part of the latency)',
        ...[lite, pg].map((l) => (l ? `${round(l.loadSeconds, 1)} s` : '—')),
        '—',
        `${round(raw.loadSeconds, 1)} s`,
        '—',
      ],
    ],
  };
  const s = lite.summary;
  const y = lite.year;
  printResult({
    bench: 'report-latency',
    title: 'Report latency: the province-year summary on PGlite and PostgreSQL',
    method:
      `Each database is migrated, demo-seeded and loaded with the same province-year in bulk SQL ` +
      `(${int(y.sessions)} sessions, ${int(y.attendance)} attendance rows, ${int(y.people)} people), inside one Node process; ` +
      `the summary is requested through createApp's app.request() (no network, no compression), in rotating order so that ` +
      `load from other work on the machine falls on all of them. Latency is the time to the full JSON body. PGlite runs inside ` +
      `the server process (as in production); PostgreSQL runs in its own processes. PostgreSQL's autovacuum analyzes tables that ` +
      `grow; PGlite has none, so it is shown both ANALYZEd (like for like) and never analyzed (as a PGlite server runs today).`,
    headline: [
      `Province-year summary (${int(s.sessions)} sessions, ${int(s.participantTurns)} participant-turns): median ` +
        `${ms(median(lite.samples))} on PGlite` +
        (pg
          ? ` vs ${ms(median(pg.samples))} on PostgreSQL (PGlite ÷ PostgreSQL ${times(ratio(median(lite.samples), median(pg.samples)))})`
          : `; PostgreSQL not measured`) +
        `; ${ms(median(raw.samples))} on a PGlite that was never analyzed.`,
    ],
    tables: [table],
    notes: [
      `Every database answered the same: ${int(s.sessions)} sessions, ${int(s.participantTurns)} participant-turns and ` +
        `${int(s.uniqueParticipants)} unique participants (submitted and approved sessions of 2026).`,
      postgres.url
        ? `PostgreSQL ${postgres.version} at ${postgres.url}, a fresh database created for the run and dropped after.`
        : `PostgreSQL skipped: ${postgres.reason}.`,
    ],
    data: loaded.map((l) => ({
      target: l.key,
      year: l.year,
      loadSeconds: round(l.loadSeconds, 2),
      samplesMs: l.samples.map((v) => round(v, 2)),
      summary: l.summary,
    })),
  });
}

await main();
