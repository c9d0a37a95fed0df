// One structured log line per request: method, path, status, ms, and `aborted` when the client left first.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';
import type { AppEnv } from './app-env';

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const aborted = c.get('aborted') ? { aborted: true } : {};
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms, ...aborted });
  };
}
