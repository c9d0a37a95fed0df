// offline-start: a trainer opens the installed app with no network, on a phone-speed CPU (4× slower).
// Real Chromium (360×740) signs in once online, lets the service worker precache the app and the first
// sync finish, then is closed; a new browser process on the same profile opens /sessions offline. Beside
// it, in the same run and at the same CPU speed, a bare baseline: a static HTML page with the same bar
// and a heading, no script at all, served over loopback — the floor of a paint on this machine.
// Largest contentful paint and first contentful paint come from the browser's own entries; "list ready"
// is when the app's own session list heading is in the DOM (under #root: not the copy of the last screen
// that public/first-screen.js lays over the shell). Three rounds each, medians reported.
// Run: `npx vite build && npx tsx bench/offline-start.ts` (BENCH_STATIC_DIR serves another build).
// BENCH_BEFORE_DIR (with BENCH_BEFORE_LABEL, e.g. a commit) adds a build from before a change as a third
// column, signed in and cold-started the same way, interleaved in the same rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  CHROME_ARGS,
  CHROME_PATH,
  PHONE,
  signIn,
  startServer,
  syncChip,
  waitForServiceWorker,
} from '../tests/support/browser';
import { printResult, progress } from './support/result';
import { median, ms, ratio, times } from './support/stats';

const CPU_SLOWDOWN = 4;
const ROUNDS = 3;

/**
 * Before the static shell and the split sign-in path (commit af97ccd): this bench pointed at that build
 * with BENCH_STATIC_DIR, on 2026-12-06, the bare page beside it in the same run.
 */
const BEFORE = { commit: 'af97ccd', lcpMs: [5872, 4176, 4104], fcpMs: [3520, 2448, 2244], bareLcpMs: [1056, 576, 912] };

const PAINT_SCRIPT = `(() => {
  window.__paint = { lcp: null, fcp: null, listReady: null };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__paint.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    // The app's own heading: not the copy of the last screen laid over the shell (#first-screen).
    if (window.__paint.listReady === null && document.querySelector('#root main h1, body > main h1')) {
      window.__paint.listReady = performance.now(); observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

const BARE_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sổ tập huấn</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f4f7f6}header{background:#0b5d52;color:#fff;padding:16px;font-weight:700}
main{padding:16px}h1{font-size:1.5rem;margin:0 0 8px}</style></head>
<body><header>CĐCS Trường THPT Con Cuông</header><main><h1>Buổi tập huấn</h1>
<p>Chưa có buổi tập huấn nào trên máy này. Bấm “Buổi mới” ở cuối màn hình để ghi buổi đầu tiên.</p></main></body></html>`;

interface Paint {
  lcp: number | null;
  fcp: number | null;
  listReady: number | null;
}

async function open(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    viewport: PHONE,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** One cold start: a new browser process on `profile`, offline, CPU slowed, loading `url`. */
async function coldStart(profile: string, url: string, offline: boolean): Promise<Paint> {
  const context = await open(profile);
  try {
    await context.addInitScript({ content: PAINT_SCRIPT });
    if (offline) await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.locator('#root main h1, body > main h1').first().waitFor({ timeout: 120_000 });
    // Let any later, larger paint land before reading the last LCP entry.
    await page.waitForTimeout(1500);
    return await page.evaluate<Paint>('window.__paint');
  } finally {
    await context.close();
  }
}

/** Signs trainer.na in online on a fresh profile, lets the service worker precache and the first sync end. */
async function install(profile: string, url: string): Promise<void> {
  const first = await open(profile);
  const page = first.pages()[0] ?? (await first.newPage());
  await signIn(page, url, 'trainer.na');
  await waitForServiceWorker(page);
  await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 60_000 });
  await first.close();
}

async function main(): Promise<void> {
  const env: Record<string, string> = { LOG_LEVEL: 'warn' };
  if (process.env.BENCH_STATIC_DIR) env.STATIC_DIR = process.env.BENCH_STATIC_DIR;
  const server = await startServer(env);
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  const beforeLabel = process.env.BENCH_BEFORE_LABEL ?? 'before';
  const beforeServer = beforeDir ? await startServer({ LOG_LEVEL: 'warn', STATIC_DIR: beforeDir }) : null;
  const beforeProfile = beforeServer ? mkdtempSync(join(tmpdir(), 'tlb-bench-offline-before-')) : null;
  const previous: Paint[] = [];
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(BARE_PAGE);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareAddress = bare.address();
  const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/`;
  const profile = mkdtempSync(join(tmpdir(), 'tlb-bench-offline-'));
  const bareProfile = mkdtempSync(join(tmpdir(), 'tlb-bench-bare-'));
  const app: Paint[] = [];
  const baseline: Paint[] = [];
  try {
    progress('offline-start: sign in online, precache, first sync');
    await install(profile, server.url);
    if (beforeServer && beforeProfile) await install(beforeProfile, beforeServer.url);
    for (let round = 1; round <= ROUNDS; round += 1) {
      progress(`offline-start: round ${round} of ${ROUNDS}: the app offline, then the bare page`);
      app.push(await coldStart(profile, `${server.url}/sessions`, true));
      baseline.push(await coldStart(bareProfile, bareUrl, false));
      if (beforeServer && beforeProfile)
        previous.push(await coldStart(beforeProfile, `${beforeServer.url}/sessions`, true));
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(bareProfile, { recursive: true, force: true });
    if (beforeProfile) rmSync(beforeProfile, { recursive: true, force: true });
    bare.close();
    await server.stop();
    await beforeServer?.stop();
  }
  const med = (list: Paint[], key: keyof Paint) =>
    median(list.map((p) => p[key]).filter((v): v is number => v !== null));
  const appLcp = med(app, 'lcp');
  const bareLcp = med(baseline, 'lcp');
  const beforeLcp = BEFORE.lcpMs.length ? median(BEFORE.lcpMs) : null;
  printResult({
    bench: 'offline-start',
    title: 'Offline cold start of the installed app, CPU 4× slower, beside a bare page',
    method:
      `Real Chromium (headless, 360×740). The trainer signs in once online, the service worker precaches the app and the ` +
      `first sync completes; then each round starts a new browser process on that profile with the network off and the ` +
      `CPU ${CPU_SLOWDOWN}× slower (Emulation.setCPUThrottlingRate) and opens /sessions. The bare baseline is a static HTML ` +
      `page (a bar, a heading, a sentence; no script) served over loopback to a fresh profile at the same CPU speed. ` +
      `${ROUNDS} rounds, interleaved; medians.`,
    headline: [
      `Offline cold start: largest contentful paint ${ms(appLcp, 0)} (median of ${ROUNDS}) against ${ms(bareLcp, 0)} for a bare ` +
        `page on the same machine (${times(ratio(appLcp, bareLcp))}); target ≤ 600 ms.` +
        (previous.length > 0
          ? ` The build before (${beforeLabel}) in the same run: ${ms(med(previous, 'lcp'), 0)} (${times(ratio(med(previous, 'lcp'), bareLcp))} the bare page).`
          : beforeLcp !== null
            ? ` Before this change: ${ms(beforeLcp, 0)}.`
            : ''),
    ],
    tables: [
      {
        title: 'Medians (ms from navigation start)',
        head: [
          'figure',
          'the app offline (/sessions)',
          'bare page',
          'app ÷ bare',
          ...(previous.length > 0 ? [`before (${beforeLabel}), offline`, 'before ÷ bare'] : []),
        ],
        rows: (['lcp', 'fcp', 'listReady'] as const).map((key) => {
          const label = {
            lcp: 'largest contentful paint',
            fcp: 'first contentful paint',
            listReady: 'page heading in the DOM',
          }[key];
          const [a, b] = [med(app, key), med(baseline, key)];
          const row = [label, ms(a, 0), ms(b, 0), key === 'listReady' ? '—' : times(ratio(a, b))];
          if (previous.length === 0) return row;
          const p = med(previous, key);
          return [...row, ms(p, 0), key === 'listReady' ? '—' : times(ratio(p, b))];
        }),
      },
    ],
    notes: [
      beforeLcp !== null
        ? `Before (commit ${BEFORE.commit}, this bench on that build): LCP ${BEFORE.lcpMs.map((v) => ms(v, 0)).join(', ')}; ` +
          `FCP ${BEFORE.fcpMs.map((v) => ms(v, 0)).join(', ')}; the bare page in that run: LCP ` +
          `${BEFORE.bareLcpMs.map((v) => ms(v, 0)).join(', ')} (app ÷ bare ${times(ratio(median(BEFORE.lcpMs), median(BEFORE.bareLcpMs)))}).`
        : 'No before figure recorded for this bench.',
      'The first contentful paint of the app is its static shell in index.html with, since the first-screen change, the ' +
        "copy of the home screen kept at the last visit laid over it (docs/architecture.md §7), painted before the app's " +
        'code runs. "Page heading in the DOM" is the app\'s own heading under #root, not the copy\'s: the app ready.',
      'Each round is one sample; the machine is shared, so read the ratio to the bare page, not the milliseconds.',
    ],
    data: { app, baseline, previous, beforeLabel, cpuSlowdown: CPU_SLOWDOWN, before: BEFORE },
  });
}

await main();
