// Which units a reader may see (docs/api.md, docs/api.md §2): an organiser their own unit's subtree, an admin every unit.
// A scope is the root of a subtree, or `null` for every unit of every space; SQL reads it through the
// recursive `scope_units(id, path)` CTE, where `path` lists the unit's ancestors within the scope, itself last.
import { sql, type SQL } from 'drizzle-orm';
import type { User } from '#domain/schemas/auth';
import type { DbExecutor } from '../db/database';
import { HttpError } from '../http/errors';

export interface UnitScope {
  /** The subtree's root unit, or null for every unit (admins only). */
  rootUnitId: string | null;
}

/** True when `unitId` is `ancestorId` or lies anywhere below it. */
export async function isUnitInSubtree(db: DbExecutor, ancestorId: string, unitId: string): Promise<boolean> {
  // `union`, not `union all`: a cycle written by mistake ends the walk instead of looping.
  const result = await db.execute<{ inside: boolean }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${unitId}
      union
      select u.id, u.parent_id from units u join up on u.id = up.parent_id
    )
    select exists(select 1 from up where id = ${ancestorId}) as inside`);
  return result.rows[0]?.inside === true;
}

/**
 * The scope of a report: the asked-for unit when the reader may see it (403 `forbidden` otherwise, 404 when an
 * admin names no unit that exists), else the reader's whole scope.
 */
export async function resolveReportScope(db: DbExecutor, user: User, unitId: string | undefined): Promise<UnitScope> {
  if (unitId === undefined) return { rootUnitId: user.role === 'admin' ? null : user.unitId };
  if (user.role === 'admin') {
    const found = await db.execute<{ id: string }>(sql`select id from units where id = ${unitId}`);
    if (found.rows.length === 0) throw new HttpError(404, 'not_found', 'No such unit');
    return { rootUnitId: unitId };
  }
  if (user.role === 'organiser' && (await isUnitInSubtree(db, user.unitId, unitId))) return { rootUnitId: unitId };
  throw new HttpError(403, 'forbidden', 'That unit is outside your organisation');
}

/** The `scope_units(id, path)` CTE, for a `with recursive` list. */
export function scopeUnitsCte(scope: UnitScope): SQL {
  const seed = scope.rootUnitId === null ? sql`parent_id is null` : sql`id = ${scope.rootUnitId}`;
  return sql`scope_units(id, path) as (
    select id, array[id] from units where ${seed}
    union all
    select u.id, s.path || u.id from units u join scope_units s on u.parent_id = s.id
  )`;
}
