// At most 10 failed sign-ins per username in 15 minutes (docs/api.md). Failures are rows in the database,
// not process memory, so every server instance behind a load balancer counts the same attempts.
// An attempt is counted BEFORE the password is checked (and the row removed if it was right): checking
// first and recording after would let many parallel guesses all pass the check while scrypt runs.
// Rows older than the window are purged every hour (scheduleLoginFailurePurge, started by main.ts).
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { loginFailures } from '../db/schema';

export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Counts the attempt and returns its id, or null when the username is throttled. The count and the
 * insert run under a per-username advisory lock, so concurrent attempts cannot overtake each other.
 */
export async function reserveLoginAttempt(db: Db, username: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${username}`}))`);
    await tx.delete(loginFailures).where(and(eq(loginFailures.username, username), lt(loginFailures.at, since)));
    const [row] = await tx
      .select({ failures: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
    if ((row?.failures ?? 0) >= MAX_FAILED_LOGINS) return null;
    const [attempt] = await tx.insert(loginFailures).values({ username, at: now }).returning({ id: loginFailures.id });
    return attempt?.id ?? null;
  });
}

/** The password was right: the attempt does not count as a failure. */
export async function forgetLoginAttempt(db: Db, attemptId: number): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.id, attemptId));
}

/**
 * Deletes failures older than the window for every username. A username's own rows are pruned when it
 * is tried again, but guesses at names that never come back (a flood of random ones) would stay forever.
 */
export async function purgeOldLoginFailures(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS);
  const deleted = await db.delete(loginFailures).where(lt(loginFailures.at, since)).returning({ id: loginFailures.id });
  return deleted.length;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Purges every hour (and once now); errors (the database away) are logged and tried again next time. */
export function scheduleLoginFailurePurge(db: Db, now: () => Date, onError: (error: unknown) => void): () => void {
  const purge = () => void purgeOldLoginFailures(db, now()).catch(onError);
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
