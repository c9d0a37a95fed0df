// POST /api/sync/pull (docs/sync.md): the rows in the user's scope after the cursor, in (version, entity, id)
// order, at most each space's committed counter. Counters, rows and the client's lastMutationId are read in
// ONE repeatable-read snapshot: since a space's counter is bumped under its row lock by the transaction
// writing the rows, every row at or below a visible counter value is committed and visible, and a row
// committed later gets a higher version; no row is ever skipped (see docs/lessons.md, out-of-order commits).
// `reset` (a fresh snapshot from the beginning) when the cursor is not ours, was issued for another scope,
// is ahead of a counter (a restored database) or is older than the space's purged tombstones.
// An organiser asking for `scope: "working-set"` gets the working set instead (working-set-pull.ts).
// A client asking `echoes: "omit"` on a usable cursor does not get the rows its own pushes wrote exactly as its
// device computed them (echo-stamps.ts): the device rebuilds them (src/client/db/echo-stubs.ts).
import { and, inArray } from 'drizzle-orm';
import type { User } from '#domain/schemas/auth';
import { DEFAULT_PULL_LIMIT, type PullRequest, type PullResponse } from '#domain/schemas/sync';
import type { Db, DbExecutor } from '../db/database';
import { spaces } from '../db/schema';
import { readLastMutationId } from './client-binding';
import { decodeCursor, encodeCursor, type PullCursor } from './pull-cursor';
import { countChangeIndex, loadChanges, notEchoed, type EntityFilter, type SpaceCounter } from './pull-query';
import { readStreamPage } from './pull-stream';
import { resolveScope, scopeFilter, scopeFingerprint, scopeSpaceIds } from './scope';
import { pullWorkingSet } from './working-set-pull';

export async function pullChanges(db: Db, user: User, request: PullRequest, now = new Date()): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const lastMutationId = await readLastMutationId(tx, request.clientId, user.id);
      const scope = await resolveScope(tx, user);
      const workingSet = request.scope === 'working-set' && scope.role === 'organiser';
      const fingerprint = scopeFingerprint(scope, workingSet);
      const counters = await readCounters(tx, await scopeSpaceIds(tx, scope));

      const given = request.cursor === null ? undefined : decodeCursor(request.cursor);
      const reset = request.cursor !== null && !isUsable(given, fingerprint, counters);
      const limit = request.limit ?? DEFAULT_PULL_LIMIT;
      const usable = reset ? undefined : given;
      // No echo (docs/sync.md §10): never on a first pull or a reset, whose pages the device takes as a snapshot.
      const omitEchoes = request.echoes === 'omit' && usable !== undefined;
      if (workingSet && scope.role === 'organiser') {
        const echoesOf = omitEchoes ? request.clientId : undefined;
        return pullWorkingSet(tx, scope, {
          fingerprint,
          counters,
          given: usable,
          reset,
          lastMutationId,
          limit,
          now,
          echoesOf,
        });
      }
      const filterOf: EntityFilter = (entity) =>
        and(scopeFilter(scope, entity), omitEchoes ? notEchoed(entity, request.clientId) : undefined);
      const { page, hasMore, positions } = await readStreamPage(tx, scope, counters, usable, limit, filterOf);
      const changes = await loadChanges(tx, page);
      const response: PullResponse = {
        cursor: encodeCursor({ fingerprint, positions }),
        hasMore,
        reset,
        lastMutationId,
        changes,
      };
      if (omitEchoes) response.echoes = 'omitted';
      // Only clients that know the extension (they send `scope`) pay for the count.
      if (request.scope !== undefined)
        response.remaining = hasMore ? await countChangeIndex(tx, counters, positions, filterOf) : 0;
      return response;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
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
    const baseline = cursor.workingSet?.baseline;
    return (
      (!position || (position[0] <= version && position[0] >= purgedVersion)) &&
      (baseline === undefined || baseline <= version)
    );
  });
}
