// /api/admin/units (admins only): the unit tree as a flat list with parentId, create, update. A unit with no
// parent is a provincial federation and founds a new space; any other unit joins its parent's space and
// moves only within it, never under itself. The reads, writes and checks live in ./unit-store.
import { Hono } from 'hono';
import { spaceFilterQuerySchema, unitCreateRequestSchema, unitUpdateRequestSchema } from '#domain/schemas/admin';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { toUnit } from './records';
import { createUnit, listUnits, updateUnit } from './unit-store';

export function createUnitRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('admin'));

  routes.get('/', async (c) => {
    const { spaceId } = readQuery(c, spaceFilterQuerySchema);
    const rows = await listUnits(db, spaceId);
    return c.json({ units: rows.map(toUnit) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, unitCreateRequestSchema);
    const row = await createUnit(db, body, c.get('user').id, clock.now());
    return c.json({ unit: toUnit(row) }, 201);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'unit');
    const patch = await readJson(c, unitUpdateRequestSchema);
    const row = await updateUnit(db, id, patch, c.get('user').id, clock.now());
    return c.json({ unit: toUnit(row) });
  });

  return routes;
}
