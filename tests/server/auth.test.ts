// Sign-in, sign-out, who-am-I and password change through the HTTP API, on every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { userResponseSchema } from '#domain/schemas/auth';
import { FAILED_LOGIN_WINDOW_MS, purgeOldLoginFailures } from '#server/auth/login-throttle';
import { auditLog, loginFailures, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../support/test-app';
import { databaseTargets } from '../support/test-db';

const DAY = 24 * 60 * 60 * 1000;

describe.each(databaseTargets)('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password: string) =>
    t.request('/api/auth/login', { method: 'POST', json: { username, password }, cookie: null });

  it('signs a demo user in, answering the user and an HttpOnly SameSite=Lax session cookie', async () => {
    const response = await login('trainer.na', 'demo1234');
    expect(response.status).toBe(200);
    const { user } = userResponseSchema.parse(await response.json());
    expect(user).toMatchObject({ username: 'trainer.na', role: 'trainer', locale: 'vi', displayName: 'Lương Thị Hoa' });
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^tlb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const response = await t.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'trainer.lc', password: 'demo1234' },
      cookie: null,
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(response.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('refuses a wrong password with 401 invalid_credentials, and audits the failure', async () => {
    const response = await login('organiser.lc', 'wrong-password');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const failures = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(failures.some((entry) => entry.detail?.username === 'organiser.lc')).toBe(true);
  });

  it('refuses an unknown username exactly like a wrong password', async () => {
    const response = await login('nobody', 'demo1234');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('answers 429 rate_limited after 10 failed sign-ins for one username, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await login('organiser.na', `guess-${i}`)).status).toBe(401);
    const blocked = await login('organiser.na', 'demo1234');
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await login('trainer.na', 'demo1234')).status).toBe(200);
    t.clock.advance(16 * 60 * 1000);
    expect((await login('organiser.na', 'demo1234')).status).toBe(200);
  });

  it('lets no more than 10 of many parallel wrong guesses through before answering 429', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login('organiser.lc', `guess-${i}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    t.clock.advance(16 * 60 * 1000); // let the window pass for the tests that follow
  });

  it('purges failures older than the window, including those of usernames never tried again', async () => {
    const ghost = `ghost.${Date.now()}`;
    expect((await login(ghost, 'guess-1234')).status).toBe(401);
    const rowsFor = async (username: string) =>
      (await t.db.select().from(loginFailures).where(eq(loginFailures.username, username))).length;
    expect(await rowsFor(ghost)).toBe(1);
    await purgeOldLoginFailures(t.db, t.clock.now());
    expect(await rowsFor(ghost)).toBe(1);
    expect(
      await purgeOldLoginFailures(t.db, new Date(t.clock.now().getTime() + FAILED_LOGIN_WINDOW_MS + 1)),
    ).toBeGreaterThan(0);
    expect(await rowsFor(ghost)).toBe(0);
  });

  it('does not count a right password as a failed attempt', async () => {
    for (let i = 0; i < 9; i++) expect((await login('trainer.lc', `guess-${i}`)).status).toBe(401);
    expect((await login('trainer.lc', 'demo1234')).status).toBe(200);
    expect((await login('trainer.lc', 'guess-last')).status).toBe(401);
    expect((await login('trainer.lc', 'demo1234')).status).toBe(429);
    t.clock.advance(16 * 60 * 1000); // let the window pass for the tests that follow
  });

  it('answers 401 unauthorized to /me without a cookie, and the user with one', async () => {
    const anonymous = await t.request('/api/auth/me', { cookie: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
    await t.login('organiser.lc');
    const me = await t.request('/api/auth/me');
    expect(me.status).toBe(200);
    expect(userResponseSchema.parse(await me.json()).user.username).toBe('organiser.lc');
  });

  it('revokes the token on logout, so the old cookie gets 401', async () => {
    const cookie = await t.login('trainer.lc');
    const logout = await t.request('/api/auth/logout', { method: 'POST', cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('Set-Cookie')).toMatch(/tlb_session=;/);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(401);
  });

  it('keeps a session alive while it is used within 30 days, and ends it after 30 idle days', async () => {
    const cookie = await t.login('trainer.lc');
    t.clock.advance(29 * DAY);
    const used = await t.request('/api/auth/me', { cookie });
    expect(used.status).toBe(200);
    expect(used.headers.get('Set-Cookie')).toContain('Max-Age=2592000');
    t.clock.advance(29 * DAY);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(200);
    t.clock.advance(31 * DAY);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(401);
  });

  it('changes the password: the new one signs in, the old one no longer does, other sessions end', async () => {
    const otherDevice = await t.login('admin');
    const cookie = await t.login('admin');
    const wrong = await t.request('/api/auth/password', {
      method: 'POST',
      cookie,
      json: { currentPassword: 'not-it', newPassword: 'new-password-1' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid', fields: { currentPassword: 'incorrect' } } });

    const changed = await t.request('/api/auth/password', {
      method: 'POST',
      cookie,
      json: { currentPassword: 'demo1234', newPassword: 'new-password-1' },
    });
    expect(changed.status).toBe(200);
    expect((await login('admin', 'demo1234')).status).toBe(401);
    expect((await login('admin', 'new-password-1')).status).toBe(200);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(200);
    expect((await t.request('/api/auth/me', { cookie: otherDevice })).status).toBe(401);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.password_change'));
    expect(audited).toHaveLength(1);
  });

  it('refuses a new password shorter than 8 characters with the field named', async () => {
    await t.login('trainer.na');
    const response = await t.request('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: 'demo1234', newPassword: 'short' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid', fields: { newPassword: 'too_small' } } });
  });

  it('does not let a disabled user sign in, and ends their open sessions', async () => {
    const cookie = await t.login('trainer.na');
    await t.db.update(users).set({ disabled: true }).where(eq(users.username, 'trainer.na'));
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(401);
    expect((await login('trainer.na', 'demo1234')).status).toBe(401);
    await t.db.update(users).set({ disabled: false }).where(eq(users.username, 'trainer.na'));
  });

  it('never returns the password hash', async () => {
    const response = await login('organiser.lc', 'demo1234');
    expect(JSON.stringify(await response.json())).not.toContain('scrypt');
  });
});
