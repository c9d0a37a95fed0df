// Turns anything a handler throws into the JSON error body. Unexpected errors are logged with their stack
// and answered as a bare 500 `internal`: a stack trace never reaches the client.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorCode } from '../../domain/schemas/error';
import type { Logger } from '../log';
import { errorBody, HttpError } from './errors';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 429: 'rate_limited',
};

export function handleErrors(logger: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof HttpError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(errorBody(codeForStatus[err.status] ?? 'invalid', err.message || 'Bad request'), err.status);
    }
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.stack ?? String(err) });
    return c.json(errorBody('internal', 'Something went wrong on the server'), 500);
  };
}
