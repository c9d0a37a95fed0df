// Serving the built PWA: cache rules that let updates through, the SPA fallback, and a clear 503 before a build.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS } from '#server/http/static-build';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the built app', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tlb-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sổ tập huấn</title><div id="root"></div>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Sổ tập huấn"}');
    writeFileSync(join(dist, 'assets', 'index-4f3a2b1c.js'), 'console.log("app");');
    writeFileSync(
      join(dist, 'assets', 'big-0a1b2c3d.js'),
      `export const words = ${JSON.stringify('Sổ tập huấn '.repeat(400))};`,
    );
    t = await createTestApp({ seed: false, config: { staticDir: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache, so a new version is seen on the next load', async () => {
    const response = await t.app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(await response.text()).toContain('Sổ tập huấn');
  });

  it('serves the service worker and the manifest with no-cache', async () => {
    const sw = await t.app.request('/sw.js');
    expect(sw.headers.get('Content-Type')).toContain('javascript');
    expect(sw.headers.get('Cache-Control')).toBe('no-cache');
    const manifest = await t.app.request('/manifest.webmanifest');
    expect(manifest.headers.get('Content-Type')).toContain('application/manifest+json');
    expect(manifest.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('caches hashed assets for a year as immutable', async () => {
    const response = await t.app.request('/assets/index-4f3a2b1c.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing hashed asset with 404, never with the HTML page', async () => {
    expect((await t.app.request('/assets/index-00000000.js')).status).toBe(404);
  });

  it('answers a client route with index.html', async () => {
    const response = await t.app.request('/sessions/0190a6d2-0000-7000-8000-000000000000');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await t.app.request('/sw.js');
    const again = await t.app.request('/sw.js', { headers: { 'If-None-Match': first.headers.get('ETag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('sends a text file of 1 KiB or more gzipped to a client that takes gzip, and as built to one that does not', async () => {
    const built = `export const words = ${JSON.stringify('Sổ tập huấn '.repeat(400))};`;
    const zipped = await t.app.request('/assets/big-0a1b2c3d.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8')).toBe(built);
    const plain = await t.app.request('/assets/big-0a1b2c3d.js', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(built);
  });

  it('sees a rebuild within two seconds: a changed file and a new one are served, with a new ETag', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const before = await t.app.request('/sw.js');
      writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {}); // build 2');
      writeFileSync(join(dist, 'assets', 'index-5e6f7a8b.js'), 'console.log("app 2");');
      vi.advanceTimersByTime(CHECK_EVERY_MS);
      const after = await t.app.request('/sw.js');
      expect(await after.text()).toContain('build 2');
      expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
      const asset = await t.app.request('/assets/index-5e6f7a8b.js');
      expect(asset.status).toBe(200);
      expect(await asset.text()).toBe('console.log("app 2");');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps serving the last whole build while a rebuild is half written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const served = await (await t.app.request('/')).text();
      rmSync(join(dist, 'index.html')); // the build empties the directory first
      vi.advanceTimersByTime(CHECK_EVERY_MS);
      expect(await (await t.app.request('/')).text()).toBe(served);

      const page = '<!doctype html><title>Sổ tập huấn</title><script src="/assets/next-9a8b7c6d.js"></script>';
      writeFileSync(join(dist, 'index.html'), page); // the page names a file not written yet
      vi.advanceTimersByTime(CHECK_EVERY_MS);
      expect(await (await t.app.request('/')).text()).toBe(served);

      writeFileSync(join(dist, 'assets', 'next-9a8b7c6d.js'), 'console.log("app 3");');
      vi.advanceTimersByTime(CHECK_EVERY_MS);
      expect(await (await t.app.request('/')).text()).toBe(page);
      expect(await (await t.app.request('/assets/next-9a8b7c6d.js')).text()).toBe('console.log("app 3");');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never serves files outside the build directory', async () => {
    const response = await t.app.request('/..%2f..%2fetc%2fpasswd');
    expect(await response.text()).not.toContain('root:');
  });

  it('sends the security headers with the page', async () => {
    const response = await t.app.request('/');
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('keeps /api paths for the API even when a build exists', async () => {
    const response = await t.app.request('/api/unknown');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('application/json');
  });
});

describe('a built page with inline scripts', () => {
  let t: TestApp;
  let dist: string;
  const script = "document.documentElement.setAttribute('data-x', '');";
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tlb-dist-'));
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>Sổ tập huấn</title><script>${script}</script>`);
    t = await createTestApp({ seed: false, config: { staticDir: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('allows those scripts, and no other inline script, by their hash', async () => {
    const csp = (await t.app.request('/login')).headers.get('Content-Security-Policy') ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    // Exactly 'self' and the hash: never 'unsafe-inline'.
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).toContain("frame-ancestors 'none'");
    const api = (await t.app.request('/api/unknown')).headers.get('Content-Security-Policy') ?? '';
    expect(api).toContain("script-src 'self';");
  });
});

describe('before the app is built', () => {
  it('answers pages with a 503 that says to run the build, while the API still works', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tlb-nodist-'));
    const t = await createTestApp({ seed: false, config: { staticDir: join(empty, 'dist') } });
    try {
      const page = await t.app.request('/');
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
      expect((await t.app.request('/api/health')).status).toBe(200);
    } finally {
      await t.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
