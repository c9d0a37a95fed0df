// first-load: the sign-in page in real Chromium (360×740) from the built app and a real server process, three
// ways in one run: a cold load on an open link; a cold load on an emulated 2G link (250 kbit/s down, 50 up,
// 300 ms latency, via CDP Network.emulateNetworkConditions) with the CPU 4× slower (Emulation.setCPUThrottling-
// Rate); and a repeat load on that same slow link once the service worker controls the page (after a first
// sign-in and a sign-out: the service worker is registered only once someone has signed in). Each cold load
// uses a fresh browser profile. Every load starts from a page of the same origin (/robots.txt) so the
// emulation is in place before the navigation.
// Run: `npx vite build && npx tsx bench/first-load.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { FIRST_SCREEN_STORAGE_KEY } from '#client/app/first-screen.ts';
import { PROFILE_STORAGE_KEY } from '#client/app/profile-key.ts';
import { launchBrowser, signIn, startServer, waitForServiceWorker, type Browser } from '../tests/support/browser';
import {
  CPU_SLOWDOWN,
  FORM_READY_SCRIPT,
  measureLoad,
  SLOW_LINK,
  throttle,
  type LoadFigures,
} from './support/page-load';
import { printResult, progress } from './support/result';
import { int, kb, ms, ratio, times } from './support/stats';

/**
 * Before the static shell and the split sign-in path (commit af97ccd), this bench on 2026-12-06, cold on
 * 2G with the CPU 4× slower. The issue measured 159.6 KiB and a form after 6.7 s on the same machine.
 */
const BEFORE = {
  commit: 'af97ccd',
  jsFiles: 7,
  jsNetworkBodyBytes: 163_477,
  jsDecodedBytes: 528_539,
  firstContentfulPaintMs: 7148,
  formReadyMs: 7036,
  loadEventMs: 6852,
};

async function openProfile(): Promise<{ browser: Browser; page: Page; cdp: CDPSession }> {
  const browser = await launchBrowser();
  await browser.context.addInitScript({ content: FORM_READY_SCRIPT });
  const cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send('Network.enable');
  return { browser, page: browser.page, cdp };
}

/** What the service worker downloads after the first load: its precache list in dist/sw.js, sized as served. */
function precacheSize(): { files: number; bytes: number } {
  const urls = [...readFileSync('dist/sw.js', 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  const compressible = new Set(['.js', '.mjs', '.css', '.html', '.json', '.webmanifest', '.svg', '.txt']);
  const bytes = urls.reduce((sum, url) => {
    const body = readFileSync(join('dist', url));
    return (
      sum + (compressible.has(extname(url)) && body.byteLength >= 1024 ? gzipSync(body).byteLength : body.byteLength)
    );
  }, 0);
  return { files: urls.length, bytes };
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first');
  const server = await startServer({ LOG_LEVEL: 'warn' });
  const login = `${server.url}/login`;
  let open: LoadFigures, coldSlow: LoadFigures, repeatSlow: LoadFigures;
  let controlled: boolean;
  try {
    progress('first-load: cold, open link');
    const a = await openProfile();
    try {
      await a.page.goto(`${server.url}/robots.txt`);
      open = await measureLoad(a.page, a.cdp, login);
    } finally {
      await a.browser.close();
    }

    progress('first-load: cold, 2G and CPU 4× slower');
    const b = await openProfile();
    try {
      await b.page.goto(`${server.url}/robots.txt`);
      await throttle(b.cdp, true);
      coldSlow = await measureLoad(b.page, b.cdp, login);
      // The service worker is registered after a first sign-in (sign-in-app.tsx): sign in at full speed, let it
      // install (precache) and take control, then sign out as a shared phone would (the profile is forgotten).
      await throttle(b.cdp, false);
      await signIn(b.page, server.url, 'trainer.na');
      await waitForServiceWorker(b.page);
      // Forget the user as sign-out does (the profile and the copy of their home screen), once the app's own
      // requests have settled: its background check of a remembered session writes the profile again when it
      // answers, which made the load below open the signed-in app instead of the sign-in form now and then.
      await b.page.waitForLoadState('networkidle');
      await b.page.evaluate(
        `for (const key of ${JSON.stringify([PROFILE_STORAGE_KEY, FIRST_SCREEN_STORAGE_KEY])}) localStorage.removeItem(key)`,
      );
      controlled = await b.page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)');
      progress('first-load: repeat load through the service worker, 2G and CPU 4× slower');
      await throttle(b.cdp, true);
      repeatSlow = await measureLoad(b.page, b.cdp, login);
    } finally {
      await b.browser.close();
    }
  } finally {
    await server.stop();
  }

  const before = BEFORE as unknown as LoadFigures;
  const row = (label: string, f: (l: LoadFigures) => number | null, format: (n: number | null) => string) => [
    label,
    format(f(before)),
    format(f(open)),
    format(f(coldSlow)),
    format(f(repeatSlow)),
    times(ratio(f(before), f(coldSlow))),
    times(ratio(f(coldSlow), f(repeatSlow))),
    times(ratio(f(coldSlow), f(open))),
  ];
  const beforeRow = (label: string, key: keyof typeof BEFORE) =>
    row(
      label,
      (l) => (l as unknown as Record<string, number | null>)[key] ?? null,
      (n) => (key.endsWith('Ms') ? ms(n, 0) : key.endsWith('Bytes') ? kb(n) : int(n)),
    );
  const count = (n: number | null) => int(n);
  const precache = precacheSize();
  printResult({
    bench: 'first-load',
    title: 'First load of the sign-in page: open link, 2G cold, 2G through the service worker',
    method:
      `Real Chromium (headless, 360×740) against a real server process serving the built app (dist/), responses gzipped by ` +
      `the server. Cold loads use fresh profiles; the repeat load is the same profile after the service worker has installed ` +
      `and controls the page. Slow link: ${(SLOW_LINK.downloadThroughput * 8) / 1000} kbit/s down, ${(SLOW_LINK.uploadThroughput * 8) / 1000} kbit/s up, ` +
      `${SLOW_LINK.latency} ms latency, CPU ${CPU_SLOWDOWN}× slower. "Form ready" is when the username field is in the DOM ` +
      `(MutationObserver), from navigation start. JS bytes are gzip bodies as they crossed the network (Resource Timing), ` +
      `network bytes are all responses with headers (DevTools Protocol).`,
    headline: [
      `Sign-in page JS: ${int(open.jsFiles)} files, ${kb(open.jsNetworkBodyBytes)} gzip over the network (${kb(open.jsDecodedBytes)} decoded); ` +
        `before (${BEFORE.commit}): ${int(BEFORE.jsFiles)} files, ${kb(BEFORE.jsNetworkBodyBytes)} (${kb(BEFORE.jsDecodedBytes)}), first paint ` +
        `${ms(BEFORE.firstContentfulPaintMs, 0)} and form ${ms(BEFORE.formReadyMs, 0)} cold on 2G + CPU 4×, now ` +
        `${ms(coldSlow.firstContentfulPaintMs, 0)} and ${ms(coldSlow.formReadyMs, 0)}. ` +
        `Form ready after ${ms(open.formReadyMs, 0)} on an open link, ${ms(coldSlow.formReadyMs, 0)} cold on 2G with a 4× slower CPU, ` +
        `and ${ms(repeatSlow.formReadyMs, 0)} on the same 2G link once the service worker serves the app ` +
        `(${times(ratio(coldSlow.formReadyMs, repeatSlow.formReadyMs))} faster).`,
    ],
    tables: [
      {
        title: 'The sign-in page (/login)',
        head: [
          'figure',
          `before (${BEFORE.commit}), cold, 2G + CPU 4×`,
          'cold, open link',
          'cold, 2G + CPU 4×',
          'repeat via service worker, 2G + CPU 4×',
          'before ÷ now, cold 2G',
          'cold 2G ÷ service worker 2G',
          'cold 2G ÷ open link',
        ],
        rows: [
          beforeRow('form ready (username field in the DOM)', 'formReadyMs'),
          beforeRow('first contentful paint', 'firstContentfulPaintMs'),
          beforeRow('load event', 'loadEventMs'),
          beforeRow('JS files', 'jsFiles'),
          beforeRow('JS over the network (gzip bodies)', 'jsNetworkBodyBytes'),
          beforeRow('JS decoded (what is parsed)', 'jsDecodedBytes'),
          row('all bytes over the network (with headers)', (l) => l.networkBytes, kb).map((cell, i) =>
            i === 1 || i === 5 ? '—' : cell,
          ),
          row('requests / served by the service worker', (l) => l.requests, count).map((cell, i) =>
            i >= 2 && i <= 4
              ? `${cell} / ${int([open, coldSlow, repeatSlow][i - 2]!.fromServiceWorker)}`
              : i === 1 || i > 4
                ? '—'
                : cell,
          ),
        ],
      },
    ],
    notes: [
      `JS responses served gzip-encoded: ${open.gzipped} of ${open.jsFiles} on the cold load.`,
      `The service worker controlled the page before the repeat load: ${controlled ? 'yes' : 'NO (the repeat figure is then an HTTP-cache load)'}.`,
      `After the first load the service worker precaches the whole app in the background: ${int(precache.files)} files, ` +
        `about ${kb(precache.bytes)} as served (computed from dist/sw.js's list, gzip level 6 for text files of 1 KiB or more).`,
      'The repeat load beats even the open-link cold load: nothing crosses the network, and Chromium can reuse compiled ' +
        'code for scripts the service worker cached.',
      'One load per column: cold loads take long on 2G, so each figure is a single sample; read the ratios, not the milliseconds.',
    ],
    data: {
      before: BEFORE,
      open,
      coldSlow,
      repeatSlow,
      controlled,
      precache,
      slowLink: SLOW_LINK,
      cpuSlowdown: CPU_SLOWDOWN,
    },
  });
}

await main();
