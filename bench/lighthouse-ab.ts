// lighthouse-ab: Lighthouse mobile on the signed-in trainer's session list, alternating between builds so
// that the machine's load falls on each alike. BUILDS="old=/path/to/dist,new=dist", ROUNDS (default 4).
// Prints one line per audit (score, TBT, the long tasks Lighthouse attributes) and the ranges per build.
// Run: `BUILDS=old=../wt-base/dist,new=dist npx tsx bench/lighthouse-ab.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  CHROME_ARGS,
  CHROME_PATH,
  PHONE,
  freePort,
  signIn,
  startServer,
  syncChip,
  type RunningServer,
} from '../tests/support/browser';

interface Setup {
  name: string;
  server: RunningServer;
  context: BrowserContext;
  port: number;
  profile: string;
  results: { score: number; tbt: number; lcp: number }[];
}

async function setUp(name: string, dir: string): Promise<Setup> {
  const server = await startServer({ LOG_LEVEL: 'warn', STATIC_DIR: resolve(dir) });
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'tlb-bench-lh-ab-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: [...CHROME_ARGS, `--remote-debugging-port=${port}`],
    viewport: PHONE,
    locale: 'vi-VN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await signIn(page, server.url, 'trainer.na');
  await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 60_000 });
  await page.goto('about:blank');
  return { name, server, context, port, profile, results: [] };
}

async function auditList(setup: Setup): Promise<void> {
  const result = await lighthouse(`${setup.server.url}/sessions`, {
    port: setup.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    disableStorageReset: true,
  });
  if (!result) throw new Error('Lighthouse returned nothing');
  const { lhr } = result;
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
      await s.context.close();
      rmSync(s.profile, { recursive: true, force: true });
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
