// Pushing the outbox (docs/sync.md): unsent entries in id order, in gzipped batches under the server's
// limits, until nothing is unsent. A lost answer is harmless: the entries stay `sent` and go again,
// and the server answers replays with their stored results. A 409 `out_of_order` means the server
// lost our position: we resend from where it stands, or start over as a new client.
// Entries the server already has (ids at or below its lastMutationId, kept because their answer never
// came) simply go again: the server answers them with their stored result, applied or rejected.
import { MAX_MUTATIONS_PER_PUSH, pushResponseSchema, type Mutation, type PushRequest } from '#domain/schemas/sync';
import { applyPushResults } from '../db/apply-pull';
import type { LogbookDb } from '../db/database';
import { recordEchoes } from '../db/echo-rebuild';
import type { OutboxEntry } from '../db/local-rows';
import { getMeta } from '../db/meta';
import { claimBatch, readClientId, resendFrom, rotateClient, unsentEntries } from '../db/outbox';
import { ApiRequestError, apiFetch, timeoutForUpload } from './api';
import { fetchPullPage, pullPage } from './pull';

/** Uncompressed JSON per request; the server allows 2 MB, and gzip only shrinks it. */
export const MAX_PUSH_JSON_BYTES = 1_500_000;
const MAX_RECOVERIES = 3;
const utf8 = new TextEncoder();

/** fflate builds its tables as it loads: loaded by the first push, not with the app's start-up. */
async function gzip(json: string): Promise<Uint8Array> {
  const { gzipSync } = await import('fflate');
  return gzipSync(utf8.encode(json));
}

export interface PushSummary {
  pushed: number;
  applied: number;
  rejected: number;
}

/** The longest prefix of `entries` within the count and size limits (always at least one entry). */
export function takeBatch(
  entries: readonly OutboxEntry[],
  maxCount: number,
  maxBytes = MAX_PUSH_JSON_BYTES,
): Mutation[] {
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const { id, name, args, clientAt } of entries.slice(0, maxCount)) {
    const mutation = { id, name, args, clientAt };
    bytes += utf8.encode(JSON.stringify(mutation)).length + 1;
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(mutation);
  }
  return batch;
}

export async function pushOutbox(db: LogbookDb, onBatch: (done: number, total: number) => void): Promise<PushSummary> {
  const summary: PushSummary = { pushed: 0, applied: 0, rejected: 0 };
  let maxCount = MAX_MUTATIONS_PER_PUSH;
  let recoveries = 0;
  let total = (await unsentEntries(db)).length;
  for (;;) {
    const clientId = await readClientId(db);
    const { batch: mutations, unsent } = await claimBatch(db, (entries) => takeBatch(entries, maxCount));
    if (mutations.length === 0) return summary;
    total = Math.max(total, summary.pushed + unsent);
    try {
      // The cursor says what this device holds: the server may then leave our own writes out of our pulls.
      const request: PushRequest = { clientId, userId: db.userId, mutations, cursor: await getMeta(db, 'cursor') };
      const rawBody = await gzip(JSON.stringify(request));
      const response = await apiFetch('/api/sync/push', {
        method: 'POST',
        rawBody,
        contentType: 'application/json',
        headers: { 'Content-Encoding': 'gzip' },
        schema: pushResponseSchema,
        timeoutMs: timeoutForUpload(rawBody.byteLength),
      });
      const result = await applyPushResults(db, response);
      await recordEchoes(db, response);
      if (result.applied + result.rejected === 0) throw new Error('The server answered the push without results.');
      summary.pushed += result.applied + result.rejected;
      summary.applied += result.applied;
      summary.rejected += result.rejected;
      onBatch(summary.pushed, total);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.status === 413 && maxCount > 1) {
        maxCount = Math.ceil(mutations.length / 2);
      } else if (error.status === 409 && error.code === 'out_of_order' && recoveries < MAX_RECOVERIES) {
        recoveries += 1;
        await recoverPosition(db, clientId, error);
      } else {
        throw error;
      }
    }
  }
}

/**
 * Learns the server's lastMutationId (from the 409's fields if it says, else from a pull page, which
 * is applied like any other) and resends from there; without the next mutation, starts over.
 */
async function recoverPosition(db: LogbookDb, clientId: string, error: ApiRequestError): Promise<void> {
  let serverLast = Number(error.fields?.lastMutationId);
  if (!Number.isInteger(serverLast) || serverLast < 0) {
    const page = await fetchPullPage(db, clientId);
    const outcome = await pullPage(db, page);
    if (outcome.rotated) return;
    serverLast = page.lastMutationId;
  }
  if (await resendFrom(db, serverLast)) return;
  // Behind what it once acknowledged to us: restored from an older backup, it lost work we may only hold as records.
  await rotateClient(db, { serverLostOurWork: serverLast < (await getMeta(db, 'lastMutationId')) });
}
