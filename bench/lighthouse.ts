// lighthouse: Lighthouse's mobile audit (its default: a mid-range phone on a slow 4G link, simulated, CPU
// 4× slower) of the sign-in page and of the signed-in trainer's session list, in Debian's Chromium driven
// over the DevTools port. The signed-in runs keep the browser's storage (disableStorageReset), so the app
// opens as the trainer: COLD_RUNS times with the browser started afresh on that storage (the app opened from the
// home screen; the median run is reported), and once in the same browser right after the sign-in's sync. The
// sign-in run starts from empty storage. Categories: performance, accessibility, best practices; plus what the
// console and the Issues panel logged.
// Run: `npx vite build && npx tsx bench/lighthouse.ts`.
import { writeFileSync } from 'node:fs';
import { startServer } from '../tests/support/browser';
import { openAuditBrowser, runLighthouse, signInAndSync, type AuditBrowser } from './support/lighthouse';
import { printResult, progress } from './support/result';
import { int, ms } from './support/stats';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** BENCH_LIGHTHOUSE_SAVE=<prefix>: each page's full Lighthouse result as <prefix>-<path>.json (its long tasks, bootup). */
const SAVE = process.env.BENCH_LIGHTHOUSE_SAVE;

/** Audits of the session list opened cold; the median one (by performance, then blocking time) is reported. */
const COLD_RUNS = 3;

/** Before (commit af97ccd), measured by the issue on the same machine: sign-in page only. */
const BEFORE_SIGN_IN = { performance: 92, accessibility: 100, 'best-practices': 96, fcpMs: 2600, lcpMs: 2800 };

interface PageAudit {
  scores: Record<string, number | null>;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  consoleErrors: string[];
  issues: string[];
  failing: string[];
}

async function audit(browser: AuditBrowser, url: string, keepStorage: boolean): Promise<PageAudit> {
  const lhr = await runLighthouse(browser, url, { categories: CATEGORIES, keepStorage });
  if (SAVE) writeFileSync(`${SAVE}-${new URL(url).pathname.replace(/\W/g, '')}.json`, JSON.stringify(lhr));
  const text = (value: unknown) =>
    typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const items = (id: string) =>
    (lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        lhr.categories[c]?.score === null || lhr.categories[c]?.score === undefined
          ? null
          : Math.round(lhr.categories[c].score * 100),
      ]),
    ),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    consoleErrors: items('errors-in-console').map((i) => text(i.description ?? i.source)),
    issues: items('inspector-issues').map((i) => text(i.issueType)),
    failing: Object.values(lhr.audits)
      .filter(
        (a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
      )
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
  };
}

const score = (a: PageAudit, c: string) => int(a.scores[c] ?? null);

/**
 * An audit in the browser started afresh. Lighthouse sometimes loses the trace of a page load in a browser that has
 * just started (NO_NAVSTART, "run Lighthouse again"): then once more, after another restart, so the run stays cold.
 */
async function auditCold(
  browser: AuditBrowser,
  url: string,
  restarted: (browser: AuditBrowser) => void,
): Promise<PageAudit> {
  for (let attempt = 1; ; attempt += 1) {
    browser = await browser.restart();
    restarted(browser);
    try {
      return await audit(browser, url, true);
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('NO_NAVSTART')) throw error;
      progress('lighthouse: no trace of the page load (NO_NAVSTART); once more, cold');
    }
  }
}

async function main(): Promise<void> {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  let browser = await openAuditBrowser();
  let signInPage: PageAudit, afterSignIn: PageAudit;
  const coldRuns: PageAudit[] = [];
  try {
    progress('lighthouse: the sign-in page, empty storage');
    signInPage = await audit(browser, `${server.url}/login`, false);
    progress("lighthouse: the trainer's session list, right after the sign-in's sync");
    await signInAndSync(browser, server.url);
    afterSignIn = await audit(browser, `${server.url}/sessions`, true);
    for (let run = 0; run < COLD_RUNS; run += 1) {
      progress(`lighthouse: the trainer's session list opened cold (${run + 1} of ${COLD_RUNS})`);
      coldRuns.push(await auditCold(browser, `${server.url}/sessions`, (restarted) => (browser = restarted)));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const byScore = (a: PageAudit, b: PageAudit) =>
    (b.scores.performance ?? 0) - (a.scores.performance ?? 0) || (a.tbtMs ?? 0) - (b.tbtMs ?? 0);
  const sessionList = [...coldRuns].sort(byScore)[Math.floor(coldRuns.length / 2)]!;
  const coldScores = coldRuns.map((a) => score(a, 'performance')).join(', ');
  const pages = [signInPage, sessionList, afterSignIn];
  const list = (values: string[]) => (values.length ? values.join('; ') : 'none');
  printResult({
    bench: 'lighthouse',
    title: 'Lighthouse mobile: the sign-in page and the signed-in session list',
    method:
      "Lighthouse (npm package, mobile defaults: simulated slow 4G and 4× CPU) driving Debian's Chromium over its " +
      'DevTools port against a real server process serving dist/. The session list is audited signed in as trainer.na ' +
      `after the first sync, storage kept: ${COLD_RUNS} times with the browser closed and started again on that storage ` +
      '(the app opened from the home screen; the median run is shown) and once in the same browser right after the ' +
      'sign-in. The sign-in page once. Lighthouse itself warns its scores vary between runs, more so on a shared machine.',
    headline: [
      `Sign-in page: performance ${score(signInPage, 'performance')}, accessibility ${score(signInPage, 'accessibility')}, ` +
        `best practices ${score(signInPage, 'best-practices')} (before: ${BEFORE_SIGN_IN.performance} / ${BEFORE_SIGN_IN.accessibility} / ` +
        `${BEFORE_SIGN_IN['best-practices']}). Session list opened cold: ${score(sessionList, 'performance')} / ${score(sessionList, 'accessibility')} / ` +
        `${score(sessionList, 'best-practices')} (performance in ${COLD_RUNS} runs: ${coldScores}); right after the sign-in, in the same ` +
        `browser: ${score(afterSignIn, 'performance')} / ${score(afterSignIn, 'accessibility')} / ${score(afterSignIn, 'best-practices')}.`,
    ],
    tables: [
      {
        title: 'Scores and metrics',
        head: [
          'figure',
          'sign-in page, before (af97ccd, from the issue)',
          'sign-in page',
          `session list, opened cold (median of ${COLD_RUNS})`,
          'session list, right after the sign-in (same browser)',
        ],
        rows: [
          ...(['performance', 'accessibility', 'best-practices'] as const).map((c) => [
            c === 'best-practices' ? 'best practices' : c,
            int(BEFORE_SIGN_IN[c]),
            ...pages.map((a) => score(a, c)),
          ]),
          ['first contentful paint', ms(BEFORE_SIGN_IN.fcpMs, 0), ...pages.map((a) => ms(a.fcpMs, 0))],
          ['largest contentful paint', ms(BEFORE_SIGN_IN.lcpMs, 0), ...pages.map((a) => ms(a.lcpMs, 0))],
          ['total blocking time', '—', ...pages.map((a) => ms(a.tbtMs, 0))],
          ['cumulative layout shift', '—', ...pages.map((a) => a.cls?.toFixed(3) ?? '—')],
          ['console errors', '—', ...pages.map((a) => list(a.consoleErrors))],
          ['Issues panel', 'Content security policy', ...pages.map((a) => list(a.issues))],
        ],
      },
      {
        title: `The session list opened cold, each run`,
        head: ['figure', ...coldRuns.map((_, i) => `run ${i + 1}`)],
        rows: [
          ['performance', ...coldRuns.map((a) => score(a, 'performance'))],
          ['total blocking time', ...coldRuns.map((a) => ms(a.tbtMs, 0))],
          ['largest contentful paint', ...coldRuns.map((a) => ms(a.lcpMs, 0))],
        ],
      },
    ],
    notes: [
      'Before on this machine (af97ccd, Lighthouse 12.2.3 CLI, same flags, 2026-12-06 03:51 UTC, machine load about 6): sign-in page ' +
        'performance 40 (FCP 3.9 s, LCP 5.0 s, TBT 4,200 ms), accessibility 100, best practices 96 with a Content-Security-Policy ' +
        "issue (zod probing `new Function` under a CSP without unsafe-eval). The issue's 92 was measured when the machine was quieter.",
      'Where performance is below 100 here, total blocking time holds it: Lighthouse multiplies the main-thread time it ' +
        'observes by its 4× CPU factor, and on a shared two-core machine that time is inflated by the other work beside it.',
      `Audits below full marks, sign-in page: ${list(signInPage.failing)}.`,
      `Audits below full marks, session list opened cold (the median run): ${list(sessionList.failing)}.`,
      `Audits below full marks, session list right after the sign-in: ${list(afterSignIn.failing)}.`,
      'Right after the sign-in, the audited page opens in a browser that has just run the sign-in and the first sync, and ' +
        'its first task held no script: by its trace, V8 iterating the heap and deoptimizing code (about 50–70 ms observed, ' +
        "200–290 ms in Lighthouse's 4× simulation; seemingly Lighthouse attaching its debugger), counted as blocking time. " +
        'It was not there in a browser started afresh, which is how a trainer opens the app from the home screen: the cold runs.',
    ],
    data: { before: BEFORE_SIGN_IN, signInPage, sessionList, afterSignIn, coldRuns },
  });
}

await main();
