// PGlite has no autovacuum daemon, so its planner statistics are never refreshed by themselves: an
// unanalysed province-year made the report summary about 2× slower in the benchmark. The embedded
// database is analysed at start and then every few hours; a PostgreSQL server does this on its own.
import { sql } from 'drizzle-orm';
import type { Database } from './database';
import type { Logger } from '../log';

const EVERY_MS = 6 * 60 * 60 * 1000;

export async function analyzeEmbedded(database: Database, logger: Logger): Promise<void> {
  if (database.kind !== 'pglite') return;
  try {
    await database.db.execute(sql`ANALYZE`);
  } catch (error) {
    logger.warn('could not analyse the embedded database', { error: String(error) });
  }
}

/** Re-analyses periodically; the timer never keeps the process alive. Returns a stop function. */
export function scheduleEmbeddedAnalyze(database: Database, logger: Logger): () => void {
  if (database.kind !== 'pglite') return () => {};
  const timer = setInterval(() => void analyzeEmbedded(database, logger), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
