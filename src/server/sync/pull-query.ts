// The two reads of a pull page, inside one snapshot: the change index (entity, id, space, version) of the
// rows in scope after each space's position and at most its committed counter, in (version, entity, id)
// order; then the full rows of that page, shaped for the wire.
import { and, eq, gt, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { syncEntities, type Change, type SyncEntity } from '#domain/schemas/sync';
import type { DbExecutor } from '../db/database';
import { changeData, entityTables } from './entity-data';
import type { Position } from './pull-cursor';
import { scopeFilter, type Scope } from './scope';

export interface SpaceCounter {
  id: string;
  /** The committed counter: every row at or below it is visible in this snapshot. */
  version: number;
  purgedVersion: number;
}

export interface IndexRow {
  entity: SyncEntity;
  id: string;
  spaceId: string;
  version: number;
}

type SyncedTable = (typeof entityTables)[SyncEntity];

/** Rows of `entity` after `position` in (version, entity, id) order; the entity is a constant per table. */
function afterPosition(entity: SyncEntity, table: SyncedTable, position: Position | undefined): SQL | undefined {
  if (!position) return undefined;
  const [version] = position;
  if (position.length === 1) return gt(table.version, version);
  const [, lastEntity, lastId] = position;
  if (entity < lastEntity) return gt(table.version, version);
  if (entity > lastEntity) return gte(table.version, version);
  return or(gt(table.version, version), and(eq(table.version, version), gt(table.id, lastId)));
}

/**
 * Rows other than those stamped as this client's echo (echo-stamps.ts): the stamp counts only while it names
 * the row's current version. Reference data is never stamped.
 */
export function notEchoed(entity: SyncEntity, clientId: string): SQL | undefined {
  if (entity !== 'session' && entity !== 'participant' && entity !== 'attendance' && entity !== 'photo')
    return undefined;
  const table = entityTables[entity];
  return sql`not coalesce(${table.echoClientId} = ${clientId} and ${table.echoVersion} = ${table.version}, false)`;
}

/** Which rows of an entity a reader receives: the scope's filter, or a working set's (working-set.ts). */
export type EntityFilter = (entity: SyncEntity) => SQL | undefined;

/** One select per entity of the rows after each space's position and at most its committed counter. */
function indexParts(filterOf: EntityFilter, spaces: SpaceCounter[], positions: ReadonlyMap<string, Position>): SQL[] {
  return syncEntities.map((entity) => {
    const table = entityTables[entity];
    const inSpaces = or(
      ...spaces.map((space) =>
        and(
          eq(table.spaceId, space.id),
          lte(table.version, space.version),
          afterPosition(entity, table, positions.get(space.id)),
        ),
      ),
    );
    return sql`select ${entity}::text as entity, ${table.id} as id, ${table.spaceId} as space_id,
      ${table.version} as version from ${table} where ${and(filterOf(entity), inSpaces)}`;
  });
}

export async function readChangeIndex(
  db: DbExecutor,
  scope: Scope,
  spaces: SpaceCounter[],
  positions: ReadonlyMap<string, Position>,
  limit: number,
  filterOf: EntityFilter = (entity) => scopeFilter(scope, entity),
): Promise<IndexRow[]> {
  if (spaces.length === 0) return [];
  // Output names differ from the inputs' so that ORDER BY sorts the uuid and C-collated text, not the output text.
  const result = await db.execute<{ e: string; i: string; s: string; v: string | number }>(sql`
    select c.entity as e, c.id::text as i, c.space_id::text as s, c.version as v
    from (${sql.join(indexParts(filterOf, spaces, positions), sql` union all `)}) c
    order by c.version, c.entity collate "C", c.id
    limit ${limit}`);
  return result.rows.map((row) => ({ entity: row.e as SyncEntity, id: row.i, spaceId: row.s, version: Number(row.v) }));
}

/** How many rows readChangeIndex would still return without a limit: the "how much is left" of a pull. */
export async function countChangeIndex(
  db: DbExecutor,
  spaces: SpaceCounter[],
  positions: ReadonlyMap<string, Position>,
  filterOf: EntityFilter,
): Promise<number> {
  if (spaces.length === 0) return 0;
  const result = await db.execute<{ n: string | number }>(sql`
    select count(*) as n from (${sql.join(indexParts(filterOf, spaces, positions), sql` union all `)}) c`);
  return Number(result.rows[0]?.n ?? 0);
}

/** The full rows of an index page, in the page's order. */
export async function loadChanges(db: DbExecutor, page: IndexRow[]): Promise<Change[]> {
  const byEntity = new Map<SyncEntity, string[]>();
  for (const row of page) byEntity.set(row.entity, [...(byEntity.get(row.entity) ?? []), row.id]);
  const loaded = new Map<string, Change>();
  for (const [entity, ids] of byEntity) {
    const table = entityTables[entity];
    const rows = await db
      .select()
      .from(table as typeof entityTables.session)
      .where(inArray(table.id, ids));
    for (const row of rows) {
      const data = changeData(entity, row as never);
      loaded.set(`${entity}:${row.id}`, { entity, id: row.id, version: row.version, deleted: row.deleted, data });
    }
  }
  return page.flatMap((row) => loaded.get(`${row.entity}:${row.id}`) ?? []);
}
