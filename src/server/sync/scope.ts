// What a user may read (docs/sync.md pull scope, §8), as SQL filters per entity, shared by pull and photo
// downloads so they can never disagree:
// - trainer: their own sessions, those sessions' attendance and photos, their unit's participants (and the
//   people their unit's records were merged into), the reference data (units, topics, plans) of their space,
//   and their own user row;
// - organiser: every session, attendance, photo, participant and user whose unit is in their unit's subtree,
//   plus the reference data of their space;
// - admin: everything in every space.
// The fingerprint changes whenever the scope could have grown to include rows older than a cursor (a new
// role, unit or subtree): a pull with a cursor of another fingerprint starts again from a fresh snapshot.
import { createHash } from 'node:crypto';
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { User } from '#domain/schemas/auth';
import type { SyncEntity } from '#domain/schemas/sync';
import type { DbExecutor } from '../db/database';
import { attendance, participants, photos, plans, sessions, spaces, topics, units, users } from '../db/schema';
import { unitSubtree } from './units';

export type Scope =
  | { role: 'trainer'; userId: string; unitId: string; spaceId: string }
  | { role: 'organiser'; userId: string; unitId: string; spaceId: string; unitIds: string[] }
  | { role: 'admin'; userId: string };

export async function resolveScope(db: DbExecutor, user: User): Promise<Scope> {
  const base = { userId: user.id, unitId: user.unitId, spaceId: user.spaceId };
  if (user.role === 'trainer') return { role: 'trainer', ...base };
  if (user.role === 'organiser') return { role: 'organiser', ...base, unitIds: await unitSubtree(db, user.unitId) };
  return { role: 'admin', userId: user.id };
}

/** The spaces the scope reads, sorted. */
export async function scopeSpaceIds(db: DbExecutor, scope: Scope): Promise<string[]> {
  if (scope.role !== 'admin') return [scope.spaceId];
  const rows = await db.select({ id: spaces.id }).from(spaces).orderBy(spaces.id);
  return rows.map((row) => row.id);
}

/** A working-set cursor never continues a full pull nor the reverse: the two hold different rows. */
export function scopeFingerprint(scope: Scope, workingSet = false): string {
  const parts = workingSet ? ['scope-v1', scope, 'working-set'] : ['scope-v1', scope];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** The rows of `entity` the scope may read; undefined means all of them. */
export function scopeFilter(scope: Scope, entity: SyncEntity): SQL | undefined {
  if (scope.role === 'admin') return undefined;
  const sessionsInScope =
    scope.role === 'trainer' ? eq(sessions.trainerId, scope.userId) : inArray(sessions.unitId, scope.unitIds);
  const inUnits = (unitId: AnyPgColumn) =>
    scope.role === 'trainer' ? eq(unitId, scope.unitId) : inArray(unitId, scope.unitIds);
  switch (entity) {
    case 'session':
      return sessionsInScope;
    case 'attendance':
      return inSessions(attendance.sessionId, sessionsInScope);
    case 'photo':
      return inSessions(photos.sessionId, sessionsInScope);
    case 'participant':
      return or(inUnits(participants.unitId), keptForUnits(scope));
    case 'unit':
      return eq(units.spaceId, scope.spaceId);
    case 'topic':
      return eq(topics.spaceId, scope.spaceId);
    case 'plan':
      return eq(plans.spaceId, scope.spaceId);
    case 'user':
      return scope.role === 'trainer' ? eq(users.id, scope.userId) : inUnits(users.unitId);
  }
}

/**
 * People that records of the scope's units were merged into (issue 13): a trainer whose registration of a
 * person was merged into another unit's record sees the person kept, in the roster and the registry.
 * `mergedInto` always names a live person (merges repoint older tombstones), so one level is enough.
 */
function keptForUnits(scope: Exclude<Scope, { role: 'admin' }>): SQL {
  const units =
    scope.role === 'trainer'
      ? sql`m.unit_id = ${scope.unitId}`
      : sql`m.unit_id in (${sql.join(
          scope.unitIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  return sql`${participants.id} in (select m.merged_into from ${participants} m where ${units} and m.merged_into is not null)`;
}

/** `sessionId in (sessions where …)`: attendance and photos follow their session's scope. */
function inSessions(sessionId: AnyPgColumn, where: SQL): SQL {
  return sql`${sessionId} in (select ${sessions.id} from ${sessions} where ${where})`;
}
