// The Hono environment every route module shares: injected dependencies, and the signed-in user that
// requireUser sets. Route modules are `new Hono<AppEnv>()` sub-apps made by `createXRoutes(deps)`.
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db, DatabaseKind } from '../db/database';
import type { Logger } from '../log';
import type { User } from '#domain/schemas/auth';

export interface AppDeps {
  /** The drizzle handle; in a transaction use only the transaction's handle. */
  db: Db;
  dbKind: DatabaseKind;
  clock: Clock;
  config: Config;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by requireUser; only read it behind that middleware. */
    user: User;
    /** Set by the error handler when the client closed the request before its answer. */
    aborted: boolean;
  };
}
