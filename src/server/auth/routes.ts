// /api/auth: sign in, sign out, who am I, change password (docs/api.md). Every sign-in attempt and password
// change is audited; failed attempts count towards the per-username throttle and the per-address one
// (checked first, in memory, before any database work), and password checks take turns (password-turns).
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { loginRequestSchema, passwordChangeRequestSchema } from '#domain/schemas/auth';
import { writeAudit } from '../audit';
import { users } from '../db/schema';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { clientAddress } from '../http/client-address';
import { AddressThrottle } from './address-throttle';
import { withPasswordTurn } from './password-turns';
import { FAILED_LOGIN_WINDOW_MS, forgetLoginAttempt, reserveLoginAttempt } from './login-throttle';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { requireUser } from './require-user';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie';
import { issueToken, revokeOtherTokens, revokeToken } from './tokens';
import { toUserJson } from './user-json';

const rateLimited = (retryAfterSeconds = FAILED_LOGIN_WINDOW_MS / 1000) =>
  new HttpError(429, 'rate_limited', 'Too many failed sign-ins; try again later', undefined, retryAfterSeconds);

export function createAuthRoutes({ db, clock, config }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const addresses = new AddressThrottle();

  routes.post('/login', async (c) => {
    const { username, password } = await readJson(c, loginRequestSchema);
    const now = clock.now();
    const byAddress = addresses.reserve(clientAddress(c, config.trustProxy), now);
    if (!('ticket' in byAddress)) throw rateLimited(byAddress.retryAfterSeconds);
    let checked: { user: typeof users.$inferSelect | undefined; ok: boolean };
    try {
      checked = await withPasswordTurn(async () => {
        const attempt = await reserveLoginAttempt(db, username, now);
        if (attempt === null) {
          await writeAudit(db, { at: now, action: 'auth.login_rate_limited', detail: { username } });
          throw rateLimited();
        }
        const [found] = await db.select().from(users).where(eq(users.username, username)).limit(1);
        const ok = found
          ? await verifyPassword(password, found.passwordHash)
          : await verifyAgainstDummy(password, config.scryptN);
        if (ok && found && !found.disabled && !found.deleted) await forgetLoginAttempt(db, attempt);
        return { user: found, ok };
      });
    } catch (error) {
      // Refused before a verdict (the username throttled, too many waiting, the database away): not a guess.
      addresses.forget(byAddress.ticket);
      throw error;
    }
    const { user, ok } = checked;
    if (!user || !ok || user.disabled || user.deleted) {
      const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled';
      await writeAudit(db, {
        at: now,
        action: 'auth.login_failed',
        userId: user?.id,
        spaceId: user?.spaceId,
        detail: { username, reason },
      });
      throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
    }
    addresses.forget(byAddress.ticket);
    const token = await issueToken(db, user.id, now);
    await writeAudit(db, { at: now, action: 'auth.login', userId: user.id, spaceId: user.spaceId });
    setSessionCookie(c, token);
    return c.json({ user: toUserJson(user) });
  });

  routes.post('/logout', async (c) => {
    const token = readSessionToken(c);
    if (token) await revokeToken(db, token, clock.now());
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  routes.get('/me', requireUser(), (c) => c.json({ user: c.get('user') }));

  routes.post('/password', requireUser(), async (c) => {
    const { currentPassword, newPassword } = await readJson(c, passwordChangeRequestSchema);
    const me = c.get('user');
    const now = clock.now();
    const attempt = await reserveLoginAttempt(db, me.username, now);
    if (attempt === null) throw rateLimited();
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id));
    if (!row || !(await withPasswordTurn(() => verifyPassword(currentPassword, row.passwordHash)))) {
      // 400, not 401: the session is fine, only the form field is wrong.
      throw new HttpError(400, 'invalid', 'The current password is wrong', { currentPassword: 'incorrect' });
    }
    await forgetLoginAttempt(db, attempt);
    const passwordHash = await withPasswordTurn(() => hashPassword(newPassword, config.scryptN));
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id));
      await revokeOtherTokens(tx, me.id, readSessionToken(c) ?? '', now);
      await writeAudit(tx, { at: now, action: 'auth.password_change', userId: me.id, spaceId: me.spaceId });
    });
    return c.json({ ok: true });
  });

  return routes;
}
