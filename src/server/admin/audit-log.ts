// /api/admin/audit (admins only): the audit log newest first — sign-ins, reviews, exports, admin changes —
// a page at a time: `?before=<id>` continues from the previous page's `nextBefore`.
import { Hono } from 'hono';
import { desc, eq, lt } from 'drizzle-orm';
import { auditQuerySchema, type AuditEntry } from '#domain/schemas/admin';
import { requireUser } from '../auth/require-user';
import { auditLog, users } from '../db/schema';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../reports/read-query';

export function createAuditRoutes({ db }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('admin'));

  routes.get('/', async (c) => {
    const { limit, before } = readQuery(c, auditQuerySchema);
    const rows = await db
      .select({ entry: auditLog, username: users.username })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(before ? lt(auditLog.id, before) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(limit);
    const entries: AuditEntry[] = rows.map(({ entry, username }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      userId: entry.userId,
      username,
      spaceId: entry.spaceId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      detail: entry.detail,
    }));
    const last = entries.at(-1);
    return c.json({ entries, nextBefore: entries.length === limit && last ? last.id : null });
  });

  return routes;
}
