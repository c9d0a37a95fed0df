// At most 10 failed sign-ins per username in 15 minutes (DESIGN §6). Failures are rows in the database,
// not process memory, so every server instance behind a load balancer counts the same attempts.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import { loginFailures } from '../db/schema';

export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

export async function isLoginThrottled(db: DbExecutor, username: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS);
  const [row] = await db
    .select({ failures: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  return (row?.failures ?? 0) >= MAX_FAILED_LOGINS;
}

export async function recordLoginFailure(db: DbExecutor, username: string, now: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS)));
  await db.insert(loginFailures).values({ username, at: now });
}
