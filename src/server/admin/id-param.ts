// The `:id` of an admin route: a malformed id names no record, so it answers 404 like an unknown one.
import type { Context } from 'hono';
import { idSchema } from '#domain/schemas/common';
import { HttpError } from '../http/errors';

export function idParam(c: Context, entity: string): string {
  const parsed = idSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw new HttpError(404, 'not_found', `No such ${entity}`);
  return parsed.data;
}
