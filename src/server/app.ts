// The HTTP application, testable with `app.request()` and no port (docs/architecture.md §2). Middleware applies to every
// request; each feature is a `createXRoutes(deps)` sub-app mounted on one line below.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createAdminRoutes } from './admin/routes';
import { createAuthRoutes } from './auth/routes';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db, DatabaseKind } from './db/database';
import { createHealthRoutes } from './health/routes';
import type { AppDeps, AppEnv } from './http/app-env';
import { handleErrors } from './http/error-handler';
import { errorBody } from './http/errors';
import { closeAfterUnreadBody, limitBody, requireCsrfHeader } from './http/guards';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { serveStaticApp } from './http/static-files';
import { createLogger, type Logger } from './log';
import { createPeopleRoutes } from './people/routes';
import { createPhotoRoutes } from './photos/routes';
import { createReportRoutes } from './reports/routes';
import { createSyncRoutes } from './sync/routes';

export interface CreateAppOptions {
  db: Db;
  dbKind: DatabaseKind;
  clock: Clock;
  config: Config;
  /** Defaults to a JSON logger at config.logLevel. */
  logger?: Logger;
}

export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = { ...options, logger: options.logger ?? createLogger(options.config.logLevel) };
  const app = new Hono<AppEnv>();

  app.use(requestLog(deps.logger), securityHeaders, closeAfterUnreadBody, compress(), limitBody);
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', requireCsrfHeader);

  app.route('/api/health', createHealthRoutes(deps));
  app.route('/api/auth', createAuthRoutes(deps));
  app.route('/api/sync', createSyncRoutes(deps));
  app.route('/api/photos', createPhotoRoutes(deps));
  app.route('/api/reports', createReportRoutes(deps));
  app.route('/api/admin', createAdminRoutes(deps));
  app.route('/api/people', createPeopleRoutes(deps));

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API endpoint ${c.req.method} ${c.req.path}`), 404));
  app.use(serveStaticApp(deps.config.staticDir));
  app.notFound((c) => c.text('Not found', 404));
  app.onError(handleErrors(deps.logger));
  return app;
}
