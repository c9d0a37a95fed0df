// The outbox as the sync engine sees it: what to send next, marking it sent, and the two recoveries
// from a server that disagrees about this client's mutation ids (docs/sync.md).
import { uuidv7 } from 'uuidv7';
import type { LogbookDb } from './database';
import { serverStateTables } from './entities';
import type { OutboxEntry } from './local-rows';
import { getMeta, setMeta } from './meta';
import { refOf, refreshMarkers } from './record-state';
import { ownRecordsAsMutations } from './recovery';

/** Entries not yet acknowledged, in id order: what the next push sends. */
export function unsentEntries(db: LogbookDb): Promise<OutboxEntry[]> {
  return db.outbox.where('status').anyOf('pending', 'sent').sortBy('id');
}

/**
 * Chooses the next batch from the unsent entries and marks it `sent`, in one transaction: a local
 * write can then never fold new fields into an entry between reading and sending it.
 */
export async function claimBatch<T extends { id: number }>(
  db: LogbookDb,
  choose: (unsent: OutboxEntry[]) => T[],
): Promise<{ batch: T[]; unsent: number }> {
  return db.transaction('rw', db.outbox, async () => {
    const unsent = await unsentEntries(db);
    const batch = choose(unsent);
    const chosen = new Set(batch.map((m) => m.id));
    await db.outbox.bulkPut(unsent.filter((e) => chosen.has(e.id)).map((e) => ({ ...e, status: 'sent' as const })));
    return { batch, unsent: unsent.length };
  });
}

/** The client id, made once per database (inside a write transaction, so it is made only once). */
export function readClientId(db: LogbookDb): Promise<string> {
  return db.transaction('rw', db.meta, () => getMeta(db, 'clientId'));
}

export function readNextMutationId(db: LogbookDb): Promise<number> {
  return db.transaction('rw', db.meta, () => getMeta(db, 'nextMutationId'));
}

/**
 * The server is behind us (restored from a backup): send again everything we still hold after its
 * position. Returns false when that cannot work: we no longer hold every mutation after it (one was
 * discarded — the server would answer 409 at that gap for ever), or the server claims ids this
 * database never made.
 */
export async function resendFrom(db: LogbookDb, serverLastMutationId: number): Promise<boolean> {
  const tables = [...serverStateTables, 'outbox', 'bases', 'meta'];
  return db.transaction('rw', tables, async () => {
    const next = await getMeta(db, 'nextMutationId');
    if (serverLastMutationId >= next) return false;
    const held = await db.outbox.where('id').above(serverLastMutationId).sortBy('id');
    // Every id from the server's position up to the last one made, with no gap.
    const complete =
      held.length === next - 1 - serverLastMutationId &&
      held.every((entry, index) => entry.id === serverLastMutationId + 1 + index);
    if (!complete) return false;
    if (held.length === 0) return true;
    for (const entry of held) await db.outbox.update(entry.id, { status: 'pending', error: undefined });
    await setMeta(db, 'lastMutationId', serverLastMutationId);
    await refreshMarkers(db, held.map(refOf));
    return true;
  });
}

/**
 * Starts over as a new client: a new client id, every held entry renumbered from 1 and queued again,
 * and a full pull. For a server that lost mutations we no longer hold, or that knows more of this
 * client id than this database ever made (a restored copy): reusing the ids would lose changes.
 */
export async function rotateClient(db: LogbookDb, { serverLostOurWork = false } = {}): Promise<void> {
  const tables = [...serverStateTables, 'outbox', 'bases', 'meta', 'photoBlobs'];
  await db.transaction('rw', tables, async () => {
    const held = await db.outbox.orderBy('id').toArray();
    // A server behind what it acknowledged to us lost work we may no longer hold: send our records again.
    const recreated = serverLostOurWork ? await ownRecordsAsMutations(db) : [];
    await db.outbox.clear();
    const queue = [...recreated, ...held.map(({ error: _error, id: _id, ...entry }) => entry)];
    const renumbered = queue.map((entry, index): OutboxEntry => ({ ...entry, id: index + 1, status: 'pending' }));
    await db.outbox.bulkAdd(renumbered);
    await setMeta(db, 'clientId', uuidv7());
    await setMeta(db, 'nextMutationId', renumbered.length + 1);
    await setMeta(db, 'lastMutationId', 0);
    await setMeta(db, 'cursor', null);
    await refreshMarkers(db, renumbered.map(refOf));
  });
}
