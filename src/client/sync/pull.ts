// Pulling (docs/sync.md): pages of changes after our cursor until `hasMore` is false, each applied in
// one transaction. A server that has acknowledged more mutation ids for this client than this
// database ever made (a restored copy of the database) must not drop our unsent entries as "done":
// we start over as a new client instead.
// Every request names the database's user: a cookie of someone else (another person signed in on this
// phone in another tab) gets 403 from the server instead of this user's data.
import { pullResponseSchema, type PullRequest, type PullResponse } from '#domain/schemas/sync';
import { applyPull } from '../db/apply-pull';
import type { LogbookDb } from '../db/database';
import { EchoRebuildError, mayOmitEchoes } from '../db/echo-rebuild';
import { getMeta } from '../db/meta';
import { readClientId, readNextMutationId, resendFrom, rotateClient } from '../db/outbox';
import { DEFAULT_TIMEOUT_MS, apiFetch } from './api';

/** A page of up to 1000 rows can be a few hundred kilobytes: more time than a small request. */
const PULL_TIMEOUT_MS = 2 * DEFAULT_TIMEOUT_MS;

export interface PullSummary {
  pulled: number;
  pages: number;
  reset: boolean;
  /** The client started over (new client id): the caller pushes and pulls again. */
  rotated: boolean;
}

/** `omitEchoes`: leave out the rows our own pushes wrote, which the device rebuilds (echo-rebuild.ts). */
export async function fetchPullPage(db: LogbookDb, clientId: string, omitEchoes = false): Promise<PullResponse> {
  const cursor = await getMeta(db, 'cursor');
  // Asking for a working set is harmless for trainers and admins: the server gives them their full scope.
  const body: PullRequest = { clientId, userId: db.userId, cursor, scope: 'working-set' };
  if (omitEchoes) body.echoes = 'omit';
  return apiFetch('/api/sync/pull', { method: 'POST', body, schema: pullResponseSchema, timeoutMs: PULL_TIMEOUT_MS });
}

/**
 * Applies one page, unless the server claims ids we never made, or has forgotten ids it acknowledged to us
 * (restored from an older backup: the records we hold are then the only copy of that work). Either way,
 * starts over as a new client; in the second case with our own records queued again (recovery.ts).
 */
export async function pullPage(db: LogbookDb, page: PullResponse): Promise<'applied' | 'rotated'> {
  if (page.lastMutationId >= (await readNextMutationId(db))) {
    await rotateClient(db);
    return 'rotated';
  }
  // Behind what it acknowledged: send again what we hold after its position, or, if we no longer hold all of
  // it, start over with our own records queued again.
  if (page.lastMutationId < (await getMeta(db, 'lastMutationId')) && !(await resendFrom(db, page.lastMutationId))) {
    await rotateClient(db, { serverLostOurWork: true });
    return 'rotated';
  }
  // User Timing: benchmarks read how long applying a page takes (bench/trainer-apply.ts).
  const started = performance.now();
  await applyPull(db, page);
  performance.measure('tlb:apply-pull', { start: started, detail: { changes: page.changes.length } });
  return 'applied';
}

/** `onPage` gets the records pulled so far and about how many are still to come (when the server says). */
export async function pullAll(
  db: LogbookDb,
  onPage: (pulled: number, remaining: number | null) => void,
): Promise<PullSummary> {
  const summary: PullSummary = { pulled: 0, pages: 0, reset: false, rotated: false };
  const clientId = await readClientId(db);
  // Once a page's left-out rows could not be rebuilt, the rest of the run asks for every row in full.
  let fullRows = false;
  for (;;) {
    const before = await getMeta(db, 'cursor');
    const omitEchoes = !fullRows && (await mayOmitEchoes(db));
    const page = await fetchPullPage(db, clientId, omitEchoes);
    let outcome: 'applied' | 'rotated';
    try {
      outcome = await pullPage(db, page);
    } catch (error) {
      if (!(error instanceof EchoRebuildError) || !omitEchoes) throw error;
      fullRows = true;
      continue;
    }
    if (outcome === 'rotated') return { ...summary, rotated: true };
    summary.pulled += page.changes.length;
    summary.pages += 1;
    summary.reset ||= page.reset;
    onPage(summary.pulled, page.remaining ?? null);
    if (!page.hasMore) return summary;
    if (page.cursor === before)
      throw new Error('The server said there is more to pull but did not advance the cursor.');
  }
}
