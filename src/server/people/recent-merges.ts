// GET /api/people/merges: the latest merges of people in the reader's subtree, newest first, for the
// organiser's undo. Names only: the evidence was on the duplicates list.
import { sql } from 'drizzle-orm';
import type { MergeListItem } from '#domain/schemas/people';
import type { DbExecutor } from '../db/database';
import { scopeUnitsCte, type UnitScope } from '../reports/unit-scope';
import { mergeChangesSchema } from './merge-changes';

export const RECENT_MERGES = 20;

interface MergeRow extends Record<string, unknown> {
  id: string;
  kept_id: string;
  merged_ids: string[] | string;
  merged_at: Date | string;
  undone_at: Date | string | null;
  changes: unknown;
  kept_name: string;
  merged_names: string[] | string;
}

export async function loadRecentMerges(db: DbExecutor, scope: UnitScope): Promise<MergeListItem[]> {
  const result = await db.execute<MergeRow>(sql`
    with recursive ${scopeUnitsCte(scope)}
    select m.id::text as id, m.kept_id::text as kept_id, m.merged_ids::text[] as merged_ids, m.merged_at, m.undone_at,
      m.changes, k.full_name as kept_name,
      array(select p.full_name from unnest(m.merged_ids) with ordinality as x(id, n)
        join participants p on p.id = x.id order by x.n) as merged_names
    from participant_merges m join participants k on k.id = m.kept_id
    where k.unit_id in (select id from scope_units)
    order by m.seq desc
    limit ${RECENT_MERGES}`);
  return result.rows.map((row) => {
    const changes = mergeChangesSchema.parse(typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes);
    return {
      mergeId: row.id,
      keptId: row.kept_id,
      mergedIds: pgArray(row.merged_ids),
      movedAttendance: changes.moved.length,
      joinedAttendance: changes.joined.length,
      mergedAt: new Date(row.merged_at).toISOString(),
      undoneAt: row.undone_at ? new Date(row.undone_at).toISOString() : null,
      keptName: row.kept_name,
      mergedNames: pgArray(row.merged_names),
    };
  });
}

/** node-postgres parses text[]; a driver that does not hands back `{a,b}`. */
function pgArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
}
