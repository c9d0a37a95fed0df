// Request guards for /api: the 2 MB body limit and the CSRF header rule (DESIGN §6).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES } from '../../domain/schemas/sync';
import { errorBody } from './errors';

export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'training-logbook';

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cross-site form or script cannot set this header without a CORS preflight, which this server never grants. */
export const requireCsrfHeader: MiddlewareHandler = async (c, next) => {
  if (mutatingMethods.has(c.req.method) && c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
    return c.json(errorBody('csrf', `Mutating requests must carry ${CSRF_HEADER}: ${CSRF_VALUE}`), 403);
  }
  await next();
};

export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json(errorBody('too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`), 413),
});
