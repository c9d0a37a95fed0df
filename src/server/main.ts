// The server process (compiled to build/server/main.mjs by `npm start` and `npm run build`; `npm run serve`
// runs it through tsx): configuration, database, migrations, demo seed, HTTP. On SIGTERM or SIGINT it stops
// accepting requests, lets those in flight finish, closes the database (releasing the PGlite lock) and
// exits 0, all within SHUTDOWN_LIMIT_MS; past that it exits 1, and the lock still goes with the process.
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { scheduleLoginFailurePurge } from './auth/login-throttle';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/connect';
import type { Database } from './db/database';
import { analyzeEmbedded, scheduleEmbeddedAnalyze } from './db/analyze';
import { answerBackupRequests } from './db/backup-requests';
import { migrateDatabase } from './db/migrate';
import { createLogger, type Logger } from './log';
import { seedDemo } from './seed/demo';

/** Requests get 5 s to finish (closeServer), the database the rest. */
const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  // What is running so far: a signal during migration or seeding stops only what has started.
  const running: { server?: ServerType; timers: (() => void)[] } = { timers: [] };
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    setTimeout(() => {
      logger.error('shutdown took too long: exiting', { ms: SHUTDOWN_LIMIT_MS });
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await closeServer(running.server);
    for (const stopTimer of running.timers) stopTimer();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await prepare(database, config.seedDemo, config.scryptN, logger);
  if (stopping) return;
  running.timers.push(scheduleEmbeddedAnalyze(database, logger));
  if (database.embedded)
    running.timers.push(answerBackupRequests(database.embedded.client, database.embedded.dataDir, logger));
  running.timers.push(
    scheduleLoginFailurePurge(
      database.db,
      () => systemClock.now(),
      (error) => logger.warn('could not purge old sign-in failures', { error: String(error) }),
    ),
  );
  const app = createApp({ db: database.db, dbKind: database.kind, clock: systemClock, config, logger });
  running.server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Training Logbook ready at http://localhost:${info.port} (database: ${database.kind})`);
  });
}

async function prepare(database: Database, seed: boolean, scryptN: number, logger: Logger) {
  try {
    await migrateDatabase(database);
    if (seed && (await seedDemo(database.db, { now: systemClock.now(), scryptN }))) {
      logger.info('seeded demo data', { users: 'admin, organiser.na, trainer.na, organiser.lc, trainer.lc' });
    }
    await analyzeEmbedded(database, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Lets requests in flight finish (up to 5 s); idle keep-alive sockets would otherwise hold close() open. */
function closeServer(server: ServerType | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 5000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
