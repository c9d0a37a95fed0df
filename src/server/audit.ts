// The audit log (docs/api.md §2): sign-ins, password changes, reviews, exports and admin changes. Write it in the
// same transaction as the change it records, so that one never exists without the other.
import type { DbExecutor } from './db/database';
import { auditLog } from './db/schema';

export interface AuditEntry {
  at: Date;
  action: string;
  userId?: string | null;
  spaceId?: string | null;
  entity?: string | null;
  entityId?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function writeAudit(db: DbExecutor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    action: entry.action,
    userId: entry.userId ?? null,
    spaceId: entry.spaceId ?? null,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null,
  });
}
