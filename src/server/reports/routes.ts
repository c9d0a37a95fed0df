// /api/reports: the summary, the exports, and the printable attendance sheet (docs/api.md). Reports and exports
// are for organisers (their unit's subtree) and admins; anyone else gets 403 `forbidden`.
import { Hono } from 'hono';
import { reportQuerySchema } from '#domain/schemas/report';
import { idSchema } from '#domain/schemas/common';
import { requireUser } from '../auth/require-user';
import { createExportRoutes } from '../exports/routes';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { loadAttendanceSheet } from './attendance-sheet';
import { readQuery } from './read-query';
import { computeSummary } from './summary';
import { suppressSmallCounts } from './suppress-small';
import { resolveReportScope } from './unit-scope';

export function createReportRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/summary', requireUser('organiser', 'admin'), async (c) => {
    const query = readQuery(c, reportQuerySchema);
    const scope = await resolveReportScope(db, c.get('user'), query.unitId);
    const summary = await computeSummary(db, scope, query, clock.now());
    return c.json(query.suppressSmall ? suppressSmallCounts(summary) : summary);
  });

  routes.route('/', createExportRoutes(deps));

  routes.get('/sessions/:id/attendance-sheet', requireUser(), async (c) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new HttpError(404, 'not_found', 'No such session');
    return c.json(await loadAttendanceSheet(db, c.get('user'), id.data, clock.now()));
  });

  return routes;
}
