// /api/admin (docs/api.md): users, units and the audit log for admins; topics and plans also for organisers
// (their own space's topics, their subtree's plans). Each resource checks its own roles.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { createAuditRoutes } from './audit-log';
import { createPlanRoutes } from './plans';
import { createTopicRoutes } from './topics';
import { createUnitRoutes } from './units';
import { createUserRoutes } from './users';

export function createAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/users', createUserRoutes(deps));
  routes.route('/units', createUnitRoutes(deps));
  routes.route('/topics', createTopicRoutes(deps));
  routes.route('/plans', createPlanRoutes(deps));
  routes.route('/audit', createAuditRoutes(deps));
  return routes;
}
