// requireUser(...roles): the signed-in user from the session cookie, or 401 `unauthorized`; with roles given,
// any other role gets 403 `forbidden`. Sets `c.get('user')` for the handlers behind it.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '#domain/schemas/auth';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readSessionToken, setSessionCookie } from './session-cookie';
import { useToken } from './tokens';
import { toUserJson } from './user-json';

export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionToken(c);
    if (!token) throw new HttpError(401, 'unauthorized', 'Sign in first');
    const { db, clock } = c.get('deps');
    const found = await useToken(db, token, clock.now());
    if (!found) throw new HttpError(401, 'unauthorized', 'The session has ended; sign in again');
    if (roles.length > 0 && !roles.includes(found.user.role)) {
      throw new HttpError(403, 'forbidden', 'Your role may not do this');
    }
    if (found.refreshed) setSessionCookie(c, token);
    c.set('user', toUserJson(found.user));
    await next();
  };
}
