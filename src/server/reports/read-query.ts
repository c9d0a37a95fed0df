// Reads a request's query string through a domain zod schema: 400 `invalid` with per-field reasons otherwise.
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrorsFrom } from '#domain/schemas/error';
import { HttpError } from '../http/errors';

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new HttpError(400, 'invalid', 'The query is not valid', fieldErrorsFrom(parsed.error));
  return parsed.data;
}
