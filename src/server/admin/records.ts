// Rows of the reference tables as the admin API answers them: the domain shapes, never a password hash.
import type { AdminUser, PlanRecord } from '#domain/schemas/admin';
import type { Topic, Unit } from '#domain/schemas/reference';
import type { UserRow } from '../auth/tokens';
import { toUserJson } from '../auth/user-json';
import type { plans, topics, units } from '../db/schema';

export type UnitRow = typeof units.$inferSelect;
export type TopicRow = typeof topics.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;

export function toAdminUser(row: UserRow): AdminUser {
  return {
    ...toUserJson(row),
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toUnit(row: UnitRow): Unit {
  const { id, spaceId, parentId, kind, name, shortName, provinceCode, active } = row;
  return { id, spaceId, parentId, kind, name, shortName, provinceCode, active };
}

export function toTopic(row: TopicRow): Topic {
  const { id, spaceId, key, nameVi, nameEn, fields, active } = row;
  return { id, spaceId, key, nameVi, nameEn, fields, active };
}

export function toPlan(row: PlanRow): PlanRecord {
  const { id, spaceId, unitId, year, topicId, targetSessions, targetParticipantTurns, note } = row;
  return { id, spaceId, unitId, year, topicId, targetSessions, targetParticipantTurns, note };
}

/** A unique index refused the write (PostgreSQL 23505), whichever driver and wrapper raised it. */
export function isUniqueViolation(error: unknown): boolean {
  let current = error as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
}
