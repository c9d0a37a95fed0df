// POST /api/sync/pull (DESIGN §5): the rows in the user's scope after the cursor, in (version, entity, id)
// order, at most each space's committed counter. Counters, rows and the client's lastMutationId are read in
// ONE repeatable-read snapshot: since a space's counter is bumped under its row lock by the transaction
// writing the rows, every row at or below a visible counter value is committed and visible, and a row
// committed later gets a higher version; no row is ever skipped (see LESSONS.md, out-of-order commits).
// `reset` (a fresh snapshot from the beginning) when the cursor is not ours, was issued for another scope,
// is ahead of a counter (a restored database) or is older than the space's purged tombstones.
import { inArray } from 'drizzle-orm';
import type { User } from '../../domain/schemas/auth';
import { DEFAULT_PULL_LIMIT, type PullRequest, type PullResponse } from '../../domain/schemas/sync';
import type { Db, DbExecutor } from '../db/database';
import { spaces } from '../db/schema';
import { readLastMutationId } from './client-binding';
import { decodeCursor, encodeCursor, type PullCursor, type Position } from './pull-cursor';
import { loadChanges, readChangeIndex, type SpaceCounter } from './pull-query';
import { resolveScope, scopeFingerprint, scopeSpaceIds } from './scope';

export async function pullChanges(db: Db, user: User, request: PullRequest): Promise<PullResponse> {
  return db.transaction(async (tx) => {
    const lastMutationId = await readLastMutationId(tx, request.clientId, user.id);
    const scope = await resolveScope(tx, user);
    const fingerprint = scopeFingerprint(scope);
    const counters = await readCounters(tx, await scopeSpaceIds(tx, scope));

    const given = request.cursor === null ? undefined : decodeCursor(request.cursor);
    const reset = request.cursor !== null && !isUsable(given, fingerprint, counters);
    const positions = new Map<string, Position>();
    if (given && !reset) for (const { id } of counters) copyPosition(given, id, positions);

    const limit = request.limit ?? DEFAULT_PULL_LIMIT;
    const rows = await readChangeIndex(tx, scope, counters, positions, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    for (const row of page) positions.set(row.spaceId, [row.version, row.entity, row.id]);
    if (!hasMore) for (const { id, version } of counters) positions.set(id, [version]);

    const changes = await loadChanges(tx, page);
    return { cursor: encodeCursor({ fingerprint, positions }), hasMore, reset, lastMutationId, changes };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readCounters(db: DbExecutor, spaceIds: string[]): Promise<SpaceCounter[]> {
  if (spaceIds.length === 0) return [];
  const rows = await db
    .select({ id: spaces.id, version: spaces.version, purgedVersion: spaces.purgedVersion })
    .from(spaces)
    .where(inArray(spaces.id, spaceIds))
    .orderBy(spaces.id);
  return rows.map((row) => ({ id: row.id, version: Number(row.version), purgedVersion: Number(row.purgedVersion) }));
}

function isUsable(cursor: PullCursor | undefined, fingerprint: string, counters: SpaceCounter[]): boolean {
  if (!cursor || cursor.fingerprint !== fingerprint) return false;
  return counters.every(({ id, version, purgedVersion }) => {
    const position = cursor.positions.get(id);
    return !position || (position[0] <= version && position[0] >= purgedVersion);
  });
}

function copyPosition(cursor: PullCursor, spaceId: string, into: Map<string, Position>): void {
  const position = cursor.positions.get(spaceId);
  if (position) into.set(spaceId, position);
}
