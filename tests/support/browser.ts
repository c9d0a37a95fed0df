// Browser-test fixtures: the real server (built app + PGlite in a temporary data dir) on a free port, and
// Debian's Chromium driven by playwright-core with a fresh persistent profile (installable, unlike incognito).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { yearInVietnam } from '#domain/rules/dates';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
export const PHONE = { width: 360, height: 740 };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  port: number;
  /** SIGTERM and wait; the data directory is removed unless `keepData` (to start again on it). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

/**
 * Set by the browser tests' global setup (e2e-setup.ts): the compiled server, and a data directory that a
 * first start of it migrated and seeded, with the year (in Vietnam) it was seeded in. Unset (the benchmarks),
 * servers run from the sources through tsx and seed their own data directory.
 */
export const SERVER_BUNDLE_ENV = 'E2E_SERVER_BUNDLE';
export const SEEDED_DATA_DIR_ENV = 'E2E_SEEDED_DATA_DIR';
export const SEEDED_YEAR_ENV = 'E2E_SEEDED_YEAR';

/**
 * Starts the server as a real process; resolves once /api/health answers. A restart passes the port and
 * data directory of the server it replaces (the same origin keeps the browser's data).
 *
 * A new data directory is a copy of the seeded one when the global setup made it (the same state as a first
 * start's migrations and demo seed, minutes earlier), started with SEED_DEMO=0 since the seed would find
 * its users and do nothing, after hashing five passwords at production cost. A seed from another year
 * (the run crossed New Year in Vietnam) is not copied: the demo plan is for the year of its seeding.
 */
export async function startServer(
  env: Record<string, string> = {},
  reuse: { port?: number; dataDir?: string } = {},
): Promise<RunningServer> {
  const port = reuse.port ?? (await freePort());
  const dataDir = reuse.dataDir ?? mkdtempSync(join(tmpdir(), 'tlb-e2e-'));
  const seeded = process.env[SEEDED_DATA_DIR_ENV];
  const copySeed =
    !reuse.dataDir &&
    seeded !== undefined &&
    env.SEED_DEMO === undefined &&
    env.DATABASE_URL === undefined &&
    process.env[SEEDED_YEAR_ENV] === String(yearInVietnam());
  if (copySeed) cpSync(seeded, dataDir, { recursive: true });
  const bundle = process.env[SERVER_BUNDLE_ENV];
  const [command, args] = bundle ? [process.execPath, [bundle]] : ['node_modules/.bin/tsx', ['src/server/main.ts']];
  const child: ChildProcess = spawn(command, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(copySeed ? { SEED_DEMO: '0' } : {}),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Not left running without an owner: an orphaned server would hold the port, the CPU and any pipe.
      child.kill('SIGTERM');
      throw new Error('server did not become healthy in 120 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    port,
    async stop(options = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A fresh Chromium profile at phone size, Vietnamese locale. */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tlb-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    viewport: options.viewport ?? PHONE,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface ServerAndBrowserOptions {
  /** The browser's window; a phone (`PHONE`) unless told. */
  viewport?: { width: number; height: number };
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

/**
 * The test file's server and browser: started before its first test, closed after its last (the browser
 * first). Read them through the getters from inside hooks and tests.
 */
export function useServerAndBrowser(options: ServerAndBrowserOptions = {}): {
  readonly server: RunningServer;
  readonly browser: Browser;
} {
  return useRunning(options, true);
}

/** The test file's server alone, for files whose tests launch their own browsers. */
export function useServer(env: Record<string, string> = {}): { readonly server: RunningServer } {
  return useRunning({ env }, false);
}

function useRunning(options: ServerAndBrowserOptions, withBrowser: boolean) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options.env);
    if (withBrowser) browser = await launchBrowser({ viewport: options.viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet: read it inside a hook or a test');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet: read it inside a hook or a test');
      return browser;
    },
  };
}

/** Signs in through the real form. */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/tên đăng nhập|username/i).fill(username);
  await page.getByLabel(/^(mật khẩu|password)$/i).fill(password);
  await page.getByRole('button', { name: /đăng nhập|sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until the service worker controls the page (the first load under registerType 'prompt' is not). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

/** The top bar's sync chip (a link to /sync): "Đã đồng bộ …", "Ngoại tuyến, 3 thay đổi chưa gửi", … */
export function syncChip(page: Page) {
  return page.getByRole('banner').getByRole('link');
}

/** A small real JPEG (80 × 60), drawn by the browser, for a photo input's setInputFiles. */
export async function drawJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(80, 60);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#0b5d52';
    ctx.fillRect(0, 0, 80, 60);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(10, 10, 30, 20);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  });
  return Buffer.from(base64, 'base64');
}

export interface StoredOutboxEntry {
  id: number;
  name: string;
  status: string;
  entity: string;
  entityId: string;
  args: Record<string, unknown>;
}

/** The signed-in user's outbox (database `tlb-<userId>`), read with plain IndexedDB, in id order. */
export async function readOutbox(page: Page): Promise<StoredOutboxEntry[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('tlb-'));
    if (names.length !== 1) throw new Error(`expected one user database, found ${JSON.stringify(names)}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(names[0]!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
    try {
      return await new Promise<StoredOutboxEntry[]>((resolve, reject) => {
        const request = db.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result as StoredOutboxEntry[]);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    } finally {
      db.close();
    }
  });
}
