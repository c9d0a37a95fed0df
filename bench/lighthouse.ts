// lighthouse: Lighthouse's mobile audit (its default: a mid-range phone on a slow 4G link, simulated, CPU
// 4× slower) of the sign-in page and of the signed-in trainer's session list, in Debian's Chromium driven
// over the DevTools port. The signed-in run keeps the browser's storage (disableStorageReset), so the app
// opens as the trainer; the sign-in run starts from empty storage. Categories: performance,
// accessibility, best practices; plus what the console and the Issues panel logged.
// Run: `npx vite build && npx tsx bench/lighthouse.ts`.
import { writeFileSync } from 'node:fs';
import { startServer } from '../tests/support/browser';
import { openAuditBrowser, runLighthouse, signInAndSync, type AuditBrowser } from './support/lighthouse';
import { printResult, progress } from './support/result';
import { int, ms } from './support/stats';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** BENCH_LIGHTHOUSE_SAVE=<prefix>: each page's full Lighthouse result as <prefix>-<path>.json (its long tasks, bootup). */
const SAVE = process.env.BENCH_LIGHTHOUSE_SAVE;

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

async function main(): Promise<void> {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  const browser = await openAuditBrowser();
  let signInPage: PageAudit, sessionList: PageAudit;
  try {
    progress('lighthouse: the sign-in page, empty storage');
    signInPage = await audit(browser, `${server.url}/login`, false);
    progress("lighthouse: the trainer's session list, signed in");
    await signInAndSync(browser, server.url);
    sessionList = await audit(browser, `${server.url}/sessions`, true);
  } finally {
    await browser.close();
    await server.stop();
  }
  const score = (a: PageAudit, c: string) => int(a.scores[c] ?? null);
  const list = (values: string[]) => (values.length ? values.join('; ') : 'none');
  printResult({
    bench: 'lighthouse',
    title: 'Lighthouse mobile: the sign-in page and the signed-in session list',
    method:
      "Lighthouse (npm package, mobile defaults: simulated slow 4G and 4× CPU) driving Debian's Chromium over its " +
      'DevTools port against a real server process serving dist/. The session list is audited signed in as trainer.na ' +
      'after the first sync, storage kept. One run each: Lighthouse itself warns its scores vary between runs, more so on ' +
      'a shared, loaded machine.',
    headline: [
      `Sign-in page: performance ${score(signInPage, 'performance')}, accessibility ${score(signInPage, 'accessibility')}, ` +
        `best practices ${score(signInPage, 'best-practices')} (before: ${BEFORE_SIGN_IN.performance} / ${BEFORE_SIGN_IN.accessibility} / ` +
        `${BEFORE_SIGN_IN['best-practices']}). Session list: ${score(sessionList, 'performance')} / ${score(sessionList, 'accessibility')} / ` +
        `${score(sessionList, 'best-practices')}.`,
    ],
    tables: [
      {
        title: 'Scores and metrics',
        head: ['figure', 'sign-in page, before (af97ccd, from the issue)', 'sign-in page', 'session list (signed in)'],
        rows: [
          [
            'performance',
            int(BEFORE_SIGN_IN.performance),
            score(signInPage, 'performance'),
            score(sessionList, 'performance'),
          ],
          [
            'accessibility',
            int(BEFORE_SIGN_IN.accessibility),
            score(signInPage, 'accessibility'),
            score(sessionList, 'accessibility'),
          ],
          [
            'best practices',
            int(BEFORE_SIGN_IN['best-practices']),
            score(signInPage, 'best-practices'),
            score(sessionList, 'best-practices'),
          ],
          ['first contentful paint', ms(BEFORE_SIGN_IN.fcpMs, 0), ms(signInPage.fcpMs, 0), ms(sessionList.fcpMs, 0)],
          ['largest contentful paint', ms(BEFORE_SIGN_IN.lcpMs, 0), ms(signInPage.lcpMs, 0), ms(sessionList.lcpMs, 0)],
          ['total blocking time', '—', ms(signInPage.tbtMs, 0), ms(sessionList.tbtMs, 0)],
          ['cumulative layout shift', '—', signInPage.cls?.toFixed(3) ?? '—', sessionList.cls?.toFixed(3) ?? '—'],
          ['console errors', '—', list(signInPage.consoleErrors), list(sessionList.consoleErrors)],
          ['Issues panel', 'Content security policy', list(signInPage.issues), list(sessionList.issues)],
        ],
      },
    ],
    notes: [
      'Before on this machine (af97ccd, Lighthouse 12.2.3 CLI, same flags, 2026-12-06 03:51 UTC, machine load about 6): sign-in page ' +
        'performance 40 (FCP 3.9 s, LCP 5.0 s, TBT 4,200 ms), accessibility 100, best practices 96 with a Content-Security-Policy ' +
        "issue (zod probing `new Function` under a CSP without unsafe-eval). The issue's 92 was measured when the machine was quieter.",
      'Total blocking time is what holds performance below 100 here: Lighthouse multiplies the main-thread time it observes by its ' +
        '4× CPU factor, and on this shared two-core machine that time is inflated by the other work running beside it.',
      `Audits below full marks, sign-in page: ${list(signInPage.failing)}.`,
      `Audits below full marks, session list: ${list(sessionList.failing)}.`,
    ],
    data: { before: BEFORE_SIGN_IN, signInPage, sessionList },
  });
}

await main();
