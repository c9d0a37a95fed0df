// One pull page of an organiser's working set (the phases are described in working-set.ts): a review page
// while the cursor's `w.r` is set, else a page of the restricted stream with each submitted session's roster
// brought along. Runs inside pull.ts's snapshot transaction.
import type { PullResponse } from '#domain/schemas/sync';
import type { DbExecutor } from '../db/database';
import { encodeCursor, type PullCursor } from './pull-cursor';
import { and } from 'drizzle-orm';
import { countChangeIndex, loadChanges, notEchoed, type EntityFilter, type SpaceCounter } from './pull-query';
import { readStreamPage } from './pull-stream';
import type { Scope } from './scope';
import { countReviewLeft, expandSubmitted, readReviewPage, streamFilter, windowStart } from './working-set';

export interface WorkingSetContext {
  fingerprint: string;
  counters: SpaceCounter[];
  /** The client's cursor when usable (undefined: a first sync or a reset). */
  given: PullCursor | undefined;
  reset: boolean;
  lastMutationId: number;
  limit: number;
  now: Date;
  /** The client whose own writes the stream leaves out (`echoes: "omit"` on a usable cursor; pull.ts). */
  echoesOf?: string;
}

export async function pullWorkingSet(
  tx: DbExecutor,
  scope: Extract<Scope, { role: 'organiser' }>,
  context: WorkingSetContext,
): Promise<PullResponse> {
  const { fingerprint, counters, given, reset, lastMutationId, limit, now } = context;
  const baseline = given?.workingSet?.baseline ?? counters[0]?.version ?? 0;
  const filterOf = streamFilter(scope, baseline, windowStart(now));
  const answer = { reset, lastMutationId, workingSet: true } as const;
  const review = given ? given.workingSet?.review : { step: 'sessions' as const, after: '' };

  if (review !== undefined) {
    const page = await readReviewPage(tx, scope, review, limit, given === undefined);
    const positions = new Map(given?.positions ?? []);
    const workingSet = page.next ? { baseline, review: page.next } : { baseline };
    const left =
      (page.next ? await countReviewLeft(tx, scope, page.next) : 0) +
      (await countChangeIndex(tx, counters, positions, filterOf));
    // The stream follows even when it turns out empty: one more request says so.
    return {
      ...answer,
      cursor: encodeCursor({ fingerprint, positions, workingSet }),
      hasMore: true,
      changes: page.changes,
      remaining: left,
    };
  }

  // The stream leaves out the organiser's own reviews, as a trainer's pull does its writes; the review pages of a
  // first sync are a snapshot and never do.
  const { echoesOf } = context;
  const streamOf: EntityFilter = echoesOf ? (entity) => and(filterOf(entity), notEchoed(entity, echoesOf)) : filterOf;
  const { page, hasMore, positions } = await readStreamPage(tx, scope, counters, given, limit, streamOf);
  const changes = await loadChanges(tx, page);
  changes.push(...(await expandSubmitted(tx, changes)));
  const remaining = hasMore ? await countChangeIndex(tx, counters, positions, streamOf) : 0;
  return {
    ...answer,
    ...(echoesOf ? { echoes: 'omitted' as const } : {}),
    cursor: encodeCursor({ fingerprint, positions, workingSet: { baseline } }),
    hasMore,
    changes,
    remaining,
  };
}
