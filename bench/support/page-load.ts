// Measures one navigation in Chromium: what crossed the network (Chrome DevTools Protocol network events:
// bytes per response, compressed or not, served by the service worker or not) and when the page became
// usable (first contentful paint, the sign-in form in the DOM, the load event), all from navigation start.
import type { CDPSession, Page } from 'playwright-core';

/** Records when the sign-in form's username field first appears (init script, every document). */
export const FORM_READY_SCRIPT = `(() => {
  const found = () => document.querySelector('input[autocomplete="username"]');
  const observer = new MutationObserver(() => {
    if (window.__formReady === undefined && found()) { window.__formReady = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export const SLOW_LINK = { latency: 300, downloadThroughput: 250_000 / 8, uploadThroughput: 50_000 / 8 };
export const CPU_SLOWDOWN = 4;

export interface LoadFigures {
  /** JavaScript responses the page fetched (any source). */
  jsFiles: number;
  /** JavaScript bodies as they crossed the network (gzip), excluding any served by the service worker. */
  jsNetworkBodyBytes: number;
  /** The same files decoded: what the browser parses. */
  jsDecodedBytes: number;
  /** Every response body and header over the network. */
  networkBytes: number;
  requests: number;
  fromServiceWorker: number;
  gzipped: number;
  firstContentfulPaintMs: number | null;
  formReadyMs: number | null;
  loadEventMs: number | null;
}

interface Seen {
  url: string;
  type: string;
  fromServiceWorker: boolean;
  encoding: string;
  networkBytes: number;
}

export async function throttle(cdp: CDPSession, on: boolean): Promise<void> {
  await cdp.send(
    'Network.emulateNetworkConditions',
    on
      ? { offline: false, ...SLOW_LINK }
      : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? CPU_SLOWDOWN : 1 });
}

/** Navigates to `url`, waits for the form and for the network to go quiet, and answers the figures. */
export async function measureLoad(page: Page, cdp: CDPSession, url: string): Promise<LoadFigures> {
  const seen = new Map<string, Seen>();
  const onResponse = (e: {
    requestId: string;
    type: string;
    response: { url: string; fromServiceWorker?: boolean; headers: Record<string, string> };
  }) => {
    const encoding =
      Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      fromServiceWorker: Boolean(e.response.fromServiceWorker),
      encoding,
      networkBytes: 0,
    });
  };
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const entry = seen.get(e.requestId);
    if (entry) entry.networkBytes = entry.fromServiceWorker ? 0 : e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.locator('input[autocomplete="username"]').waitFor({ timeout: 180_000 });
    await page.waitForLoadState('networkidle', { timeout: 180_000 });
    const timing = await page.evaluate<{
      fcp: number | null;
      formReady: number | null;
      load: number | null;
      js: { name: string; encoded: number; decoded: number }[];
    }>(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
      const js = performance.getEntriesByType('resource').filter((e) => /\\.m?js$/.test(new URL(e.name).pathname))
        .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
      return { fcp: fcp ? fcp.startTime : null, formReady: window.__formReady ?? null, load: nav ? nav.loadEventEnd : null, js };
    })()`);

    const all = [...seen.values()];
    const scripts = all.filter((s) => s.type === 'Script' || /\.m?js(\?|$)/.test(new URL(s.url).pathname));
    return {
      jsFiles: scripts.length,
      jsNetworkBodyBytes: timing.js
        .filter((j) => !scripts.find((s) => s.url === j.name)?.fromServiceWorker)
        .reduce((sum, j) => sum + j.encoded, 0),
      jsDecodedBytes: timing.js.reduce((sum, j) => sum + j.decoded, 0),
      networkBytes: all.reduce((sum, s) => sum + s.networkBytes, 0),
      requests: all.length,
      fromServiceWorker: all.filter((s) => s.fromServiceWorker).length,
      gzipped: scripts.filter((s) => s.encoding === 'gzip').length,
      firstContentfulPaintMs: timing.fcp,
      formReadyMs: timing.formReady,
      loadEventMs: timing.load,
    };
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.loadingFinished', onFinished);
  }
}
