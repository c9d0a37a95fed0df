// /api/admin/plans: yearly targets per unit (overall, or per topic). Admins for every unit, organisers for
// units in their subtree. POST upserts the plan of (unitId, year, topicId) and answers 201 when it created
// one. The reads, writes, scope checks and audit entries live in ./plan-store.
import { Hono } from 'hono';
import { planUpdateRequestSchema, planUpsertRequestSchema, plansQuerySchema } from '#domain/schemas/admin';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { listPlans, updatePlan, upsertPlan } from './plan-store';
import { toPlan } from './records';

export function createPlanRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('organiser', 'admin'));

  routes.get('/', async (c) => {
    const rows = await listPlans(db, c.get('user'), readQuery(c, plansQuerySchema));
    return c.json({ plans: rows.map(toPlan) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, planUpsertRequestSchema);
    const { row, created } = await upsertPlan(db, body, c.get('user'), clock.now());
    return c.json({ plan: toPlan(row) }, created ? 201 : 200);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'plan');
    const patch = await readJson(c, planUpdateRequestSchema);
    const row = await updatePlan(db, id, patch, c.get('user'), clock.now());
    return c.json({ plan: toPlan(row) });
  });

  return routes;
}
