// Request guards for /api: the 2 MB body limit and the CSRF header rule (docs/api.md), and the connection
// rule for an error answered before the body was read.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CSRF_HEADER_NAME, CSRF_HEADER_VALUE } from '#domain/schemas/csrf';
import { MAX_BODY_BYTES } from '#domain/schemas/sync';
import { errorBody } from './errors';

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cross-site form or script cannot set this header without a CORS preflight, which this server never grants. */
export const requireCsrfHeader: MiddlewareHandler = async (c, next) => {
  if (mutatingMethods.has(c.req.method) && c.req.header(CSRF_HEADER_NAME) !== CSRF_HEADER_VALUE) {
    return c.json(errorBody('csrf', `Mutating requests must carry ${CSRF_HEADER_NAME}: ${CSRF_HEADER_VALUE}`), 403);
  }
  await next();
};

export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json(errorBody('too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`), 413),
});

/**
 * An error answered before the request body was read (a 413 on Content-Length alone, a 415, a 401) leaves
 * the rest of the body on the socket, which the server then cuts off: said on a keep-alive connection,
 * the client's next request there would fail. `Connection: close` tells it to open a new one.
 */
export const closeAfterUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status < 400 || !hasBody(c.req.raw.headers)) return;
  if (c.res.status === 413 || !c.req.raw.bodyUsed) c.header('Connection', 'close');
};

function hasBody(headers: Headers): boolean {
  const length = Number(headers.get('Content-Length') ?? 0);
  return length > 0 || headers.has('Transfer-Encoding');
}
