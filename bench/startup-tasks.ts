// startup-tasks: the main-thread tasks of the signed-in trainer's session list at start-up, at CPU 1×,
// alternating between builds (BUILDS="old=../other/dist,new=dist", ROUNDS). A Chromium trace per start
// (no CPU profiler: it lengthens tasks); per start, the tasks over 12.5 ms (50 ms at Lighthouse's 4×) and
// Σ max(0, 4·duration − 50) over all tasks, the blocking time those tasks would have at 4×.
// PROFILE=1 adds a CPU profile and prints the functions in each long task (slower tasks then).
// Run: `npx vite build && npx tsx bench/startup-tasks.ts`.
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROME_ARGS,
  CHROME_PATH,
  PHONE,
  signIn,
  startServer,
  syncChip,
  type RunningServer,
} from '../tests/support/browser';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

const LONG_MS = Number(process.env.LONG_MS ?? 12.5);
const PROFILING = process.env.PROFILE === '1';

interface Setup {
  name: string;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  blocking: number[];
  longest: number[];
  /** The longest task that ran a module graph (v8.evaluateModule), and the sum of those over 12.5 ms. */
  moduleLongest: number[];
  moduleBlocking: number[];
  counts: number[];
}

async function setUp(name: string, dir: string): Promise<Setup> {
  const server = await startServer({ LOG_LEVEL: 'warn', STATIC_DIR: resolve(dir) });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, server.url, 'trainer.na');
  await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2_000);
  return {
    name,
    server,
    browser,
    context,
    page,
    blocking: [],
    longest: [],
    counts: [],
    moduleLongest: [],
    moduleBlocking: [],
  };
}

const short = (url: unknown) =>
  (typeof url === 'string' ? url : '').replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+/, '');

async function measure(setup: Setup): Promise<void> {
  const { page, browser, context, server } = setup;
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      ...(PROFILING ? ['v8'] : []),
    ],
  });
  if (PROFILING) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${server.url}/sessions`);
  await page.waitForTimeout(5_000);
  const profile = PROFILING ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : undefined;
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  await cdp.detach();
  const appPid = events.find((e) => e.ph === 'X' && JSON.stringify(e.args ?? {}).includes('/assets/'))?.pid;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === appPid);
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const start = onMain.find((e) => e.name === 'ParseHTML')?.ts ?? 0;
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const all = onMain.filter((e) => isTask(e) && e.ts >= start - 1000 && (e.dur ?? 0) > 0);
  // Top-level tasks only (the two task event names nest).
  const tasks = all.filter(
    (e) =>
      !all.some(
        (o) =>
          o !== e &&
          o.ts <= e.ts &&
          o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) &&
          ((o.dur ?? 0) > (e.dur ?? 0) || o.ts < e.ts || all.indexOf(o) < all.indexOf(e)),
      ),
  );
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const blocking = tasks.reduce((s, e) => s + Math.max(0, 4 * ms(e) - 50), 0);
  const long = tasks.filter((e) => ms(e) >= LONG_MS);
  setup.blocking.push(blocking);
  setup.longest.push(Math.max(...tasks.map(ms)));
  setup.counts.push(long.length);
  const moduleTasks = tasks.filter((task) =>
    onMain.some((e) => e.name === 'v8.evaluateModule' && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0)),
  );
  setup.moduleLongest.push(Math.max(0, ...moduleTasks.map(ms)));
  setup.moduleBlocking.push(moduleTasks.reduce((s, e) => s + Math.max(0, 4 * ms(e) - 50), 0));
  const describe = (task: TraceEvent) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < end && !isTask(e) && (e.dur ?? 0) > 1000);
    const kinds = inside.slice(0, 3).map((e) => {
      const d = e.args?.data ?? {};
      const what = short(d.url ?? d.functionName ?? d.type ?? '');
      return `${e.name}${what ? `(${what})` : ''} ${ms(e).toFixed(0)}`;
    });
    return `+${((task.ts - start) / 1000).toFixed(0)} ${ms(task).toFixed(1)} ms [${kinds.join(' | ')}]`;
  };
  console.log(
    `${setup.name}: blocking at 4× ${blocking.toFixed(0)} ms, ${long.length} tasks ≥ ${LONG_MS} ms, longest ${Math.max(...tasks.map(ms)).toFixed(1)} ms; ` +
      `module-graph tasks ${moduleTasks.map((e) => ms(e).toFixed(1)).join(', ')}`,
  );
  for (const task of long) {
    console.log(`    ${describe(task)}`);
    if (!profile) continue;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let t = profile.startTime;
    const self = new Map<string, number>();
    profile.timeDeltas.forEach((d, i) => {
      t += d;
      if (t < task.ts || t >= task.ts + (task.dur ?? 0)) return;
      const f = byId.get(profile.samples[i]!)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${short(f.url)}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 100) / 1000);
    });
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`        ${top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; ')}`);
  }
}

async function main(): Promise<void> {
  const builds = (process.env.BUILDS ?? 'new=dist').split(',').map((b) => b.split('=') as [string, string]);
  const rounds = Number(process.env.ROUNDS ?? 5);
  const setups: Setup[] = [];
  try {
    for (const [name, dir] of builds) setups.push(await setUp(name, dir));
    for (let round = 0; round < rounds; round++)
      for (const setup of round % 2 === 0 ? setups : [...setups].reverse()) await measure(setup);
  } finally {
    for (const s of setups) {
      await s.browser.close();
      await s.server.stop();
    }
  }
  const sorted = (v: number[]) =>
    [...v]
      .sort((a, b) => a - b)
      .map((x) => x.toFixed(0))
      .join(', ');
  for (const s of setups)
    console.log(
      `${s.name}: blocking at 4× ${sorted(s.blocking)} ms; tasks ≥ ${LONG_MS} ms ${sorted(s.counts)}; longest ${sorted(s.longest)} ms; ` +
        `module-graph tasks: longest ${sorted(s.moduleLongest)} ms, blocking at 4× ${sorted(s.moduleBlocking)} ms`,
    );
}

await main();
