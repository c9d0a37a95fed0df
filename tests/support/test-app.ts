// A whole server app on a fresh test database, driven through `app.request()` with no port. Time is a
// settable clock; scrypt runs at a low cost so sign-ins are fast (hashes record their cost, see passwords.ts).
import type { Hono } from 'hono';
import { createApp } from '#server/app';
import type { Clock } from '#server/clock';
import { loadConfig, type Config } from '#server/config';
import type { Database, DatabaseKind, Db } from '#server/db/database';
import type { AppEnv } from '#server/http/app-env';
import { seedDemo } from '#server/seed/demo';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { createTestDatabase } from './test-db';
import { csrfHeaders } from '#domain/schemas/csrf';

export const TEST_SCRYPT_N = 2 ** 10;
export const CSRF_HEADERS = csrfHeaders;

export interface TestClock extends Clock {
  set: (at: Date | string) => void;
  advance: (ms: number) => void;
}

export function createTestClock(start: Date | string = '2026-11-22T03:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => void (current = new Date(at)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

export function createTestConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), scryptN: TEST_SCRYPT_N, ...overrides };
}

export interface TestRequestInit extends RequestInit {
  /** Sent as a JSON body with its Content-Type. */
  json?: unknown;
  /** The Cookie header; by default the cookie of the last login(), `null` for none. */
  cookie?: string | null;
}

export interface TestApp {
  app: Hono<AppEnv>;
  db: Db;
  database: Database;
  clock: TestClock;
  config: Config;
  /** Signs in and returns the `tlb_session=…` cookie, which later request() calls send by default. */
  login: (username: string, password?: string) => Promise<string>;
  /** app.request() with the CSRF header, the cookie and an optional JSON body. */
  request: (path: string, init?: TestRequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

export async function createTestApp(
  options: { kind?: DatabaseKind; seed?: boolean; config?: Partial<Config>; clock?: TestClock } = {},
): Promise<TestApp> {
  const { kind = 'pglite', seed = true } = options;
  const config = createTestConfig(options.config);
  const clock = options.clock ?? createTestClock();
  const database = await createTestDatabase(kind);
  if (seed) await seedDemo(database.db, { now: clock.now(), scryptN: config.scryptN });
  const app = createApp({ db: database.db, dbKind: database.kind, clock, config });
  let lastCookie: string | undefined;

  const request = (path: string, init: TestRequestInit = {}) => {
    const { json, cookie, ...rest } = init;
    const headers = new Headers(rest.headers);
    for (const [name, value] of Object.entries(CSRF_HEADERS)) if (!headers.has(name)) headers.set(name, value);
    const sendCookie = cookie === undefined ? lastCookie : (cookie ?? undefined);
    if (sendCookie && !headers.has('Cookie')) headers.set('Cookie', sendCookie);
    let body = rest.body;
    if (json !== undefined) {
      body = JSON.stringify(json);
      headers.set('Content-Type', 'application/json');
    }
    return Promise.resolve(app.request(path, { ...rest, headers, body }));
  };

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const response = await request('/api/auth/login', { method: 'POST', json: { username, password }, cookie: null });
    if (response.status !== 200)
      throw new Error(`login ${username} failed: ${response.status} ${await response.text()}`);
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    const cookie = setCookie.split(';')[0] ?? '';
    lastCookie = cookie;
    return cookie;
  };

  return { app, db: database.db, database, clock, config, login, request, close: () => database.close() };
}
