// /api/admin/users (admins only): list, create, update. A user belongs to its unit's space and stays in it.
// Disabling an account or resetting its password signs it out everywhere. The reads and writes, their checks
// and audit entries live in ./user-store.
import { Hono } from 'hono';
import { spaceFilterQuerySchema, userCreateRequestSchema, userUpdateRequestSchema } from '#domain/schemas/admin';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { toAdminUser } from './records';
import { createUser, listUsers, updateUser } from './user-store';

export function createUserRoutes({ db, clock, config }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('admin'));

  routes.get('/', async (c) => {
    const { spaceId } = readQuery(c, spaceFilterQuerySchema);
    const rows = await listUsers(db, spaceId);
    return c.json({ users: rows.map(toAdminUser) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, userCreateRequestSchema);
    const row = await createUser(db, body, c.get('user').id, clock.now(), config.scryptN);
    return c.json({ user: toAdminUser(row) }, 201);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'user');
    const patch = await readJson(c, userUpdateRequestSchema);
    const row = await updateUser(db, id, patch, c.get('user').id, clock.now(), config.scryptN);
    return c.json({ user: toAdminUser(row) });
  });

  return routes;
}
