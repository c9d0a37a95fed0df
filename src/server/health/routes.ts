// GET /api/health: the database answers, which driver it is, and the app's version.
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../db/outage';
import type { Health } from '#domain/schemas/health';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';

export function createHealthRoutes({ db, dbKind, config }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    try {
      await db.execute(sql`select 1`);
    } catch {
      c.header('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
      throw new HttpError(503, 'unavailable', 'The database does not answer');
    }
    const health: Health = { status: 'ok', database: dbKind, version: config.version };
    return c.json(health);
  });
  return routes;
}
