// Turns anything a handler throws into the JSON error body. A database that is away (a restart, a
// failover) answers 503 `unavailable` with Retry-After: the device backs off and retries, as when offline.
// A client that closed its request is not an error: the request log's one line says `aborted`. Anything
// else unexpected is logged with its stack and answered as a bare 500 `internal`: a stack trace never
// reaches the client.
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorCode } from '#domain/schemas/error';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from '../db/outage';
import type { Logger } from '../log';
import type { AppEnv } from './app-env';
import { errorBody, HttpError } from './errors';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  429: 'rate_limited',
};

export function handleErrors(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HttpError) {
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
      return c.json(err.toBody(), err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(errorBody(codeForStatus[err.status] ?? 'invalid', err.message || 'Bad request'), err.status);
    }
    if (clientWentAway(c)) {
      c.set('aborted', true);
      return c.json(errorBody('invalid', 'The client closed the request'), 400);
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn('database unavailable', { method: c.req.method, path: c.req.path, error: String(err) });
      c.header('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
      return c.json(errorBody('unavailable', 'The database is not available; try again shortly'), 503);
    }
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.stack ?? String(err) });
    return c.json(errorBody('internal', 'Something went wrong on the server'), 500);
  };
}

function clientWentAway(c: Context<AppEnv>): boolean {
  try {
    return c.req.raw.signal.aborted;
  } catch {
    return false;
  }
}
