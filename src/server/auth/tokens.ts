// Sign-in tokens: 256 random bits given to the browser in a cookie; only their sha256 is stored. Expiry
// slides: a token used within 30 days lives another 30. Revoked tokens stay as rows for the audit trail.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import { authTokens, users } from '../db/schema';

export const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Refreshing at most once a minute spares a write on every request of a sync burst. */
const REFRESH_AFTER_MS = 60 * 1000;

export type UserRow = typeof users.$inferSelect;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(db: DbExecutor, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
  });
  return token;
}

/** The enabled user a live token belongs to, extending the token's life; `refreshed` says the cookie should be re-sent. */
export async function useToken(
  db: DbExecutor,
  token: string,
  now: Date,
): Promise<{ user: UserRow; refreshed: boolean } | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ user: users, lastUsedAt: authTokens.lastUsedAt })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.revokedAt), gt(authTokens.expiresAt, now)))
    .limit(1);
  if (!row || row.user.disabled || row.user.deleted) return undefined;
  const refreshed = now.getTime() - row.lastUsedAt.getTime() >= REFRESH_AFTER_MS;
  if (refreshed) {
    await db
      .update(authTokens)
      .set({ lastUsedAt: now, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS) })
      .where(eq(authTokens.tokenHash, tokenHash));
  }
  return { user: row.user, refreshed };
}

export async function revokeToken(db: DbExecutor, token: string, now: Date): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: now })
    .where(and(eq(authTokens.tokenHash, hashToken(token)), isNull(authTokens.revokedAt)));
}

/** Signs a user out everywhere except the token in hand (after a password change). */
export async function revokeOtherTokens(db: DbExecutor, userId: string, keepToken: string, now: Date): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(authTokens.userId, userId), ne(authTokens.tokenHash, hashToken(keepToken)), isNull(authTokens.revokedAt)),
    );
}

/** Signs a user out everywhere (an admin disabling an account, a reset). */
export async function revokeAllTokens(db: DbExecutor, userId: string, now: Date): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: now })
    .where(and(eq(authTokens.userId, userId), isNull(authTokens.revokedAt)));
}
