// The unit tree (units.parent_id): an organiser acts on their unit's subtree (docs/data-model.md, docs/api.md §2).
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';

/** The unit and every unit below it, live ones and deleted ones alike, sorted. */
export async function unitSubtree(db: DbExecutor, unitId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select id from units where id = ${unitId}
      union
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id::text as id from tree order by id`);
  return result.rows.map((row) => row.id);
}

/** Whether `unitId` is `ancestorId` or lies below it. */
export async function isUnitWithin(db: DbExecutor, unitId: string, ancestorId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 64
    )
    select exists(select 1 from up where id = ${ancestorId}) as found`);
  return result.rows[0]?.found === true;
}
