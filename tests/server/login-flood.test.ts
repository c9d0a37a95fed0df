// A flood of sign-ins cannot starve the server: 60 parallel attempts at unknown usernames from one
// address, hashed at the production scrypt cost, are throttled with 429 and Retry-After after 30, and
// meanwhile another user's gzip-compressed pulls (zlib shares libuv's thread pool with scrypt) answer
// while most of the flood is still waiting to be checked, not after it. Behind a trusted proxy the address
// comes from X-Forwarded-For; otherwise it is ignored.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_PER_ADDRESS } from '#server/auth/address-throttle';
import { PRODUCTION_SCRYPT_N } from '#server/config';
import { CSRF_HEADERS, createTestApp, type TestApp } from '../support/test-app';
import { databaseTargets } from '../support/test-db';

const json = { ...CSRF_HEADERS, 'Content-Type': 'application/json' };

/** A POST on a connection of its own, as 60 separate attackers' requests would arrive. */
function post(
  url: string,
  body: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; answeredAt: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: json, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
          answeredAt: performance.now(),
        }),
      );
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

// Hashing 30 passwords at the production cost is the point and takes a while: one database target is
// enough (PostgreSQL when it is configured); the throttle rows are the same on both.
describe.each([databaseTargets.at(-1)!])('a sign-in flood on %s', (kind) => {
  let t: TestApp;
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, config: { scryptN: PRODUCTION_SCRYPT_N } });
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it("throttles 60 unknown-username sign-ins from one address and answers another user's compressed pulls meanwhile", async () => {
    const cookie = await t.login('organiser.na');
    const pull = async () => {
      const response = await fetch(`${base}/api/sync/pull`, {
        method: 'POST',
        headers: { ...json, Cookie: cookie, 'Accept-Encoding': 'gzip' },
        body: JSON.stringify({ clientId: uuidv7(), cursor: null }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Encoding')).toBe('gzip');
      await response.arrayBuffer();
    };
    await pull();

    const flood = Array.from({ length: 60 }, (_, i) =>
      post(`${base}/api/auth/login`, { username: `nobody.${i}.${uuidv7()}`, password: 'guess-1234' }),
    );
    // Once the first attempt has been checked, the rest of the flood is under way: its hashes have reached the pool.
    await Promise.any(flood.map((answer) => answer.then((r) => (r.status === 401 ? r : Promise.reject(new Error())))));
    for (let i = 0; i < 3; i += 1) await pull();
    const pulledAt = performance.now();
    const answers = await Promise.all(flood);

    // Checks take turns, one hash at a time, so the pulls are not queued behind the flood's hashing: most of the
    // checked attempts are answered after the third pull. Were the hashes all handed to the thread pool at once,
    // the pulls' compression would wait behind them and answer with the flood's last (a count, not a timing).
    const checkedAfterPulls = answers.filter((r) => r.status === 401 && r.answeredAt > pulledAt);
    expect(checkedAfterPulls.length).toBeGreaterThan(MAX_FAILED_PER_ADDRESS / 2);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILED_PER_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - MAX_FAILED_PER_ADDRESS);
    const throttled = answers.find((r) => r.status === 429)!;
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(throttled.body)).toMatchObject({ error: { code: 'rate_limited' } });
  }, 300_000);
});

describe('the address a sign-in is counted against', () => {
  let t: TestApp;
  afterAll(() => t.close());

  const attempt = (forwardedFor: string) =>
    t.request('/api/auth/login', {
      method: 'POST',
      cookie: null,
      headers: { 'X-Forwarded-For': forwardedFor },
      json: { username: `nobody.${uuidv7()}`, password: 'guess-1234' },
    });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy writes it', async () => {
    t = await createTestApp({ kind: 'pglite' });
    for (let i = 0; i < MAX_FAILED_PER_ADDRESS; i += 1) expect((await attempt(`10.0.0.${i}`)).status).toBe(401);
    expect((await attempt('10.9.9.9')).status).toBe(429);
    await t.close();
  });

  it('counts per forwarded address behind one trusted proxy', async () => {
    t = await createTestApp({ kind: 'pglite', config: { trustProxy: 1 } });
    for (let i = 0; i < MAX_FAILED_PER_ADDRESS; i += 1) expect((await attempt('203.0.113.7')).status).toBe(401);
    const refused = await attempt('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(800);
    // A spoofed entry to the left of the proxy's own does not escape the limit; another client is not affected.
    expect((await attempt('198.51.100.1, 203.0.113.7')).status).toBe(429);
    expect((await attempt('203.0.113.8')).status).toBe(401);
  });
});
