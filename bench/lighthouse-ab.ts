// lighthouse-ab: Lighthouse mobile on the signed-in trainer's session list, alternating between builds so
// that the machine's load falls on each alike. BUILDS="old=/path/to/dist,new=dist", ROUNDS (default 4).
// Prints one line per audit (score, TBT, the long tasks Lighthouse attributes) and the ranges per build.
// Run: `BUILDS=old=../wt-base/dist,new=dist npx tsx bench/lighthouse-ab.ts`.
import { resolve } from 'node:path';
import { startServer, type RunningServer } from '../tests/support/browser';
import { openAuditBrowser, runLighthouse, signInAndSync, type AuditBrowser } from './support/lighthouse';

interface Setup {
  name: string;
  server: RunningServer;
  browser: AuditBrowser;
  results: { score: number; tbt: number; lcp: number }[];
}

async function setUp(name: string, dir: string): Promise<Setup> {
  const server = await startServer({ LOG_LEVEL: 'warn', STATIC_DIR: resolve(dir) });
  const browser = await openAuditBrowser();
  await signInAndSync(browser, server.url);
  return { name, server, browser, results: [] };
}

async function auditList(setup: Setup): Promise<void> {
  const lhr = await runLighthouse(setup.browser, `${setup.server.url}/sessions`, {
    categories: ['performance'],
    keepStorage: true,
  });
  const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
  const tbt = lhr.audits['total-blocking-time']?.numericValue ?? NaN;
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? NaN;
  const items =
    (
      lhr.audits['long-tasks']?.details as
        { items?: { url?: string; duration?: number; startTime?: number }[] } | undefined
    )?.items ?? [];
  setup.results.push({ score, tbt, lcp });
  const tasks = items
    .map(
      (i) =>
        `${(i.url ?? '').replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+/, '')}@${Math.round(i.startTime ?? 0)}:${Math.round(i.duration ?? 0)}`,
    )
    .join(' ');
  console.log(
    `${setup.name}: score ${score}, TBT ${Math.round(tbt)} ms, LCP ${Math.round(lcp)} ms; long tasks ${tasks}`,
  );
}

async function main(): Promise<void> {
  const builds = (process.env.BUILDS ?? 'new=dist').split(',').map((b) => b.split('=') as [string, string]);
  const rounds = Number(process.env.ROUNDS ?? 4);
  const setups: Setup[] = [];
  try {
    for (const [name, dir] of builds) setups.push(await setUp(name, dir));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? setups : [...setups].reverse();
      for (const setup of order) await auditList(setup);
    }
  } finally {
    for (const s of setups) {
      await s.browser.close();
      await s.server.stop();
    }
  }
  for (const s of setups) {
    const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b).join(', ');
    console.log(
      `${s.name}: score ${range(s.results.map((r) => r.score))} (${sorted(s.results.map((r) => r.score))}); ` +
        `TBT ${range(s.results.map((r) => Math.round(r.tbt)))} ms (${sorted(s.results.map((r) => Math.round(r.tbt)))})`,
    );
  }
}

await main();
