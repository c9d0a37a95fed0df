// Pulling (docs/sync.md): pages of changes after our cursor until `hasMore` is false, each applied in
// one transaction. A server that has acknowledged more mutation ids for this client than this
// database ever made (a restored copy of the database) must not drop our unsent entries as "done":
// we start over as a new client instead.
// Every request names the database's user: a cookie of someone else (another person signed in on this
// phone in another tab) gets 403 from the server instead of this user's data.
// The next page is requested while the current one is applied (its cursor is in the answer): the round
// trip and the server's time overlap the device's writing instead of adding to it. A page is still applied
// only after the one before it; a prefetched page is dropped if applying the current one fails or starts over.
// A page asks for as many rows as this device applies within a time budget, learned from the pages before it
// (page-size.ts).
import { pullResponseSchema, type PullRequest, type PullResponse } from '#domain/schemas/sync';
import { applyPull } from '../db/apply-pull';
import type { LogbookDb } from '../db/database';
import { EchoRebuildError, mayOmitEchoes } from '../db/echo-rebuild';
import { getMeta, setMeta } from '../db/meta';
import { readClientId, readNextMutationId, resendFrom, rotateClient } from '../db/outbox';
import { DEFAULT_TIMEOUT_MS, apiFetch } from './api';
import { nextPullLimit } from './page-size';

/** A page of up to 1000 rows can be a few hundred kilobytes: more time than a small request. */
const PULL_TIMEOUT_MS = 2 * DEFAULT_TIMEOUT_MS;
/**
 * Rows per page of an organiser's working set after its first page (which keeps the server's default, so the
 * review queue fills early): fewer round trips, and the screens re-read the tables once per page, not once per
 * thousand rows. Other pages (a trainer's, an organiser's first) ask for the size this device learned
 * (page-size.ts): a page is applied in one transaction, and the target for applying one is per page
 * (bench/trainer-apply.ts).
 */
export const WORKING_SET_PAGE_LIMIT = 1500;

export interface PullSummary {
  pulled: number;
  pages: number;
  reset: boolean;
  /** The client started over (new client id): the caller pushes and pulls again. */
  rotated: boolean;
}

export interface PullPageOptions {
  /** The cursor to pull after; by default the one this database has saved. */
  cursor?: string | null;
  /** Leave out the rows our own pushes wrote, which the device rebuilds (echo-rebuild.ts). */
  omitEchoes?: boolean;
  /** Rows to ask for (page-size.ts); null or absent: the server's default. */
  limit?: number | null;
}

/** What pulling one page came to: applied, in how long, or the device started over as a new client. */
export type PageOutcome = { rotated: true } | { rotated: false; applyMs: number };

export async function fetchPullPage(
  db: LogbookDb,
  clientId: string,
  { cursor, omitEchoes = false, limit = null }: PullPageOptions = {},
): Promise<PullResponse> {
  const after = cursor === undefined ? await getMeta(db, 'cursor') : cursor;
  // Asking for a working set is harmless for trainers and admins: the server gives them their full scope.
  const body: PullRequest = { clientId, userId: db.userId, cursor: after, scope: 'working-set' };
  if (after !== null && (await getMeta(db, 'workingSet'))) body.limit = WORKING_SET_PAGE_LIMIT;
  else if (limit !== null) body.limit = limit;
  if (omitEchoes) body.echoes = 'omit';
  return apiFetch('/api/sync/pull', { method: 'POST', body, schema: pullResponseSchema, timeoutMs: PULL_TIMEOUT_MS });
}

/**
 * Applies one page, unless the server claims ids we never made, or has forgotten ids it acknowledged to us
 * (restored from an older backup: the records we hold are then the only copy of that work). Either way,
 * starts over as a new client; in the second case with our own records queued again (recovery.ts).
 */
export async function pullPage(db: LogbookDb, page: PullResponse): Promise<PageOutcome> {
  if (page.lastMutationId >= (await readNextMutationId(db))) {
    await rotateClient(db);
    return { rotated: true };
  }
  // Behind what it acknowledged: send again what we hold after its position, or, if we no longer hold all of
  // it, start over with our own records queued again.
  if (page.lastMutationId < (await getMeta(db, 'lastMutationId')) && !(await resendFrom(db, page.lastMutationId))) {
    await rotateClient(db, { serverLostOurWork: true });
    return { rotated: true };
  }
  // User Timing: benchmarks read how long applying a page takes (bench/trainer-apply.ts).
  const started = performance.now();
  await applyPull(db, page);
  const applyMs = performance.now() - started;
  performance.measure('tlb:apply-pull', {
    start: started,
    duration: applyMs,
    detail: { changes: page.changes.length },
  });
  return { rotated: false, applyMs };
}

/** `onPage` gets the records pulled so far and about how many are still to come (when the server says). */
export async function pullAll(
  db: LogbookDb,
  onPage: (pulled: number, remaining: number | null) => void,
): Promise<PullSummary> {
  const summary: PullSummary = { pulled: 0, pages: 0, reset: false, rotated: false };
  const clientId = await readClientId(db);
  let before = await getMeta(db, 'cursor');
  // Whether pages may leave out our own writes is decided before the first: no push runs during a pull, and
  // a reset page turns it off for the pages after it (the device rebuilds nothing while a reset is under way).
  // Once a page's left-out rows could not be rebuilt, that page and the rest of the run come with every row.
  let omitEchoes = await mayOmitEchoes(db);
  let limit = await getMeta(db, 'pullLimit');
  let next = fetchPullPage(db, clientId, { cursor: before, omitEchoes, limit });
  for (;;) {
    const page = await next;
    if (page.hasMore && page.cursor === before)
      throw new Error('The server said there is more to pull but did not advance the cursor.');
    const pageOmitted = omitEchoes;
    omitEchoes &&= !page.reset;
    if (page.hasMore) {
      next = fetchPullPage(db, clientId, { cursor: page.cursor, omitEchoes, limit });
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
    }
    let outcome: PageOutcome;
    try {
      outcome = await pullPage(db, page);
    } catch (error) {
      if (!(error instanceof EchoRebuildError) || !pageOmitted) throw error;
      omitEchoes = false;
      next = fetchPullPage(db, clientId, { cursor: before, omitEchoes, limit });
      continue;
    }
    if (outcome.rotated) return { ...summary, rotated: true };
    // Not from a reset page (clearing tables is not the rows' cost) nor while the page is hidden (a background
    // tab's timers and tasks are slowed or frozen).
    if (!page.reset && !documentHidden()) {
      const learned = nextPullLimit(limit, page.changes.length, outcome.applyMs);
      if (learned !== limit) await setMeta(db, 'pullLimit', (limit = learned));
    }
    summary.pulled += page.changes.length;
    summary.pages += 1;
    summary.reset ||= page.reset;
    onPage(summary.pulled, page.remaining ?? null);
    if (!page.hasMore) return summary;
    before = page.cursor;
  }
}

function documentHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
