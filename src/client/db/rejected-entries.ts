// What the trainer can do with a change the server refused: it stays in the outbox, shown with its
// reason, until they discard it (the record returns to the server's state with their other changes
// on top) or retry it. Fixing a field is an ordinary write, which supersedes the refused entry.
import type { LogbookDb } from './database';
import { changesUnnamedRecords, serverStateTables } from './entities';
import type { OutboxEntry } from './local-rows';
import { mutate } from './local-writes';
import { setMeta } from './meta';
import { rebuildRecord, refOf, refreshMarkers } from './record-state';

async function rejectedEntry(db: LogbookDb, mutationId: number): Promise<OutboxEntry> {
  const entry = await db.outbox.get(mutationId);
  if (entry?.status !== 'rejected') throw new Error(`Mutation ${mutationId} is not a rejected change.`);
  return entry;
}

/**
 * Drops a refused change and rebuilds its record without it: a refused create disappears unless
 * other unsent changes still make the record; a refused edit gives way to the server's values.
 */
export async function discardRejected(db: LogbookDb, mutationId: number): Promise<void> {
  const tables = [...serverStateTables, 'outbox', 'bases', 'photoBlobs', 'meta'];
  await db.transaction('rw', tables, async () => {
    const entry = await rejectedEntry(db, mutationId);
    const ref = refOf(entry);
    await db.outbox.delete(entry.id);
    const remaining = await db.outbox
      .where('[entity+entityId]')
      .equals([...ref])
      .sortBy('id');
    const base = await db.bases.get([...ref]);
    // Without a base (a database from before bases were kept) the row cannot be rebuilt: leave it.
    if (base) await rebuildRecord(db, ref, base.row, remaining);
    await refreshMarkers(db, [ref]);
    // Pull from the start, which brings back what the change had changed beyond its own record (the outbox
    // stays; records with unsent changes are rebuilt).
    if (changesUnnamedRecords(entry.name)) await setMeta(db, 'cursor', null);
    if (entry.entity === 'photo' && remaining.length === 0 && !(await db.photos.get(entry.entityId))) {
      await db.photoBlobs.delete(entry.entityId);
    }
  });
}

/** Queues a refused change again unchanged (its cause was fixed elsewhere); it supersedes the old one. */
export async function retryRejected(db: LogbookDb, mutationId: number): Promise<OutboxEntry> {
  const entry = await rejectedEntry(db, mutationId);
  return mutate(db, entry.name, entry.args as never);
}
