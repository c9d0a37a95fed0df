// The next page of the (version, entity, id) change stream after a cursor's positions, for the full scope
// and for an organiser's working set alike (they differ only in the rows `filterOf` admits).
import type { DbExecutor } from '../db/database';
import type { PullCursor, Position } from './pull-cursor';
import { readChangeIndex, type EntityFilter, type IndexRow, type SpaceCounter } from './pull-query';
import type { Scope } from './scope';

export interface StreamPage {
  page: IndexRow[];
  hasMore: boolean;
  /** The cursor's positions after this page. */
  positions: Map<string, Position>;
}

/** The next page of the (version, entity, id) stream after the cursor's positions, rows chosen by `filterOf`. */
export async function readStreamPage(
  tx: DbExecutor,
  scope: Scope,
  counters: SpaceCounter[],
  given: PullCursor | undefined,
  limit: number,
  filterOf: EntityFilter,
): Promise<StreamPage> {
  const positions = new Map<string, Position>();
  if (given) for (const { id } of counters) copyPosition(given, id, positions);
  const rows = await readChangeIndex(tx, scope, counters, positions, limit + 1, filterOf);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  for (const row of page) positions.set(row.spaceId, [row.version, row.entity, row.id]);
  if (!hasMore) for (const { id, version } of counters) positions.set(id, [version]);
  return { page, hasMore, positions };
}

function copyPosition(cursor: PullCursor, spaceId: string, into: Map<string, Position>): void {
  const position = cursor.positions.get(spaceId);
  if (position) into.set(spaceId, position);
}
