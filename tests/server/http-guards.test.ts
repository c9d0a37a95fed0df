// What every /api request goes through: CSRF header, body limits, JSON errors, security headers, compression.
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { errorBodySchema } from '#domain/schemas/error';
import { requireUser } from '#server/auth/require-user';
import type { AppEnv } from '#server/http/app-env';
import { handleErrors } from '#server/http/error-handler';
import { createLogger } from '#server/log';
import { createTestApp, type TestApp } from '../support/test-app';
import { databaseTargets } from '../support/test-db';

const TWO_MB = 2 * 1024 * 1024;

describe.each(databaseTargets)('HTTP guards on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => {
    await t.close();
  });

  const postLogin = (body: BodyInit, headers: Record<string, string> = {}) =>
    t.request('/api/auth/login', {
      method: 'POST',
      body,
      cookie: null,
      headers: { 'Content-Type': 'application/json', ...headers },
    });

  it('refuses a mutating request without X-Requested-With with 403 csrf', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'trainer.na', password: 'demo1234' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'csrf' } });
  });

  it('refuses a wrong X-Requested-With value too', async () => {
    const response = await postLogin('{}', { 'X-Requested-With': 'XMLHttpRequest' });
    expect(response.status).toBe(403);
  });

  it('lets a GET through without the header', async () => {
    expect((await t.app.request('/api/health')).status).toBe(200);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await postLogin('{"username": "trainer.na",');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers a body that fails its schema with 400 invalid and the fields', async () => {
    const response = await postLogin(JSON.stringify({ username: 'trainer.na' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid', fields: { password: 'invalid_type' } } });
  });

  it('answers a body over 2 MB with 413 too_large as JSON', async () => {
    const response = await postLogin(JSON.stringify({ username: 'x', password: 'y'.repeat(TWO_MB) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it('refuses a declared Content-Length over 2 MB before reading the body', async () => {
    const response = await postLogin('{}', { 'Content-Length': String(TWO_MB + 1) });
    expect(response.status).toBe(413);
  });

  it('accepts a gzip-compressed JSON body', async () => {
    const body = gzipSync(JSON.stringify({ username: 'trainer.lc', password: 'demo1234' }));
    const response = await postLogin(body, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(200);
  });

  it('refuses a small gzip body that inflates past 2 MB with 413 too_large', async () => {
    const bomb = gzipSync(JSON.stringify({ username: 'x', password: ' '.repeat(TWO_MB + 10) }));
    expect(bomb.byteLength).toBeLessThan(10_000);
    const response = await postLogin(bomb, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it('answers corrupt gzip with 400 invalid_json', async () => {
    const response = await postLogin('not gzip at all', { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers an unknown /api path with a JSON 404 not_found, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await t.request('/api/nothing/here', { method });
      expect(response.status).toBe(404);
      expect(errorBodySchema.parse(await response.json()).error.code).toBe('not_found');
    }
  });

  it('sends the security headers on API responses', async () => {
    const response = await t.app.request('/api/health');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('compresses JSON responses when the client accepts gzip', async () => {
    const response = await t.app.request('/api/health', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    const json = JSON.parse(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8'));
    expect(json).toMatchObject({ status: 'ok' });
  });

  it('answers requireUser with 403 forbidden for a role it does not allow', async () => {
    const deps = { db: t.db, dbKind: kind, clock: t.clock, config: t.config, logger: createLogger('silent') };
    const probe = new Hono<AppEnv>();
    probe.use(async (c, next) => {
      c.set('deps', deps);
      await next();
    });
    probe.get('/organisers', requireUser('organiser', 'admin'), (c) => c.json({ role: c.get('user').role }));
    probe.onError(handleErrors(deps.logger));

    const trainer = await t.login('trainer.lc');
    const refused = await probe.request('/organisers', { headers: { Cookie: trainer } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    const organiser = await t.login('organiser.lc');
    const allowed = await probe.request('/organisers', { headers: { Cookie: organiser } });
    expect(await allowed.json()).toEqual({ role: 'organiser' });
  });
});

describe('an unexpected failure', () => {
  it('answers 500 internal as JSON without a stack trace', async () => {
    const t = await createTestApp();
    await t.close();
    const response = await t.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'admin', password: 'demo1234' },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/\bat \S+ \(/);
  });
});
