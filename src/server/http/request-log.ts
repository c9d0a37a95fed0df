// One structured log line per request: method, path, status, ms.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
  };
}
