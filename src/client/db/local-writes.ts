// The only way features change synced data. A write is ONE transaction: the record's tables, its
// outbox entry (the next mutation id, or folded into the unsent put just before it) and the meta
// counter, so the change and its sending never part.
// A failed write rejects its promise; nothing here swallows errors.
// What is sent: a put the server does not know yet (no version) carries the whole record, so it is a
// complete create however small the edit. A new mutation supersedes the record's refused entries of
// the same name (their fields ride along, fixed by the new values): that is how "fix and retry" works.
import { patchOf } from '#domain/mutators/kit';
import { parseMutationArgs } from '#domain/mutators/registry';
import { mutationArgsSchemas, type MutationArgs, type MutationName } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import { applyLocalMutation } from './dexie-mutation-store';
import { entityOfMutation, entityTable, tablesOfMutation } from './entities';
import type { OutboxEntry } from './local-rows';
import { getMeta, setMeta } from './meta';
import { ensureBase, rebuildRecord, refreshMarkers } from './record-state';

type Listener = (entry: OutboxEntry) => void;
const listeners = new Set<Listener>();

/** Called after every committed local write (the sync scheduler listens). Returns an unsubscribe. */
export function onLocalWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const putKeys: Partial<Record<MutationName, string[]>> = {
  'session.put': Object.keys(mutationArgsSchemas['session.put'].shape),
  'participant.put': Object.keys(mutationArgsSchemas['participant.put'].shape),
  'attendance.put': Object.keys(mutationArgsSchemas['attendance.put'].shape),
  'photo.put': Object.keys(mutationArgsSchemas['photo.put'].shape),
};

export interface MutateOptions {
  /** Tables `alsoWrite` touches, added to the transaction. */
  alsoTables?: string[];
  /** More writes in the same transaction (a photo's bytes with its metadata). */
  alsoWrite?: () => Promise<unknown>;
}

/** Validates, applies locally and queues one mutation, atomically. Resolves to its outbox entry. */
export async function mutate<N extends MutationName>(
  db: LogbookDb,
  name: N,
  args: MutationArgs<N>,
  options: MutateOptions = {},
): Promise<OutboxEntry> {
  const parsed = parseMutationArgs(name, args) as OutboxEntry['args'];
  const entity = entityOfMutation(name);
  const ref = [entity, parsed.id] as const;
  const clientAt = new Date().toISOString();
  const tables = [...tablesOfMutation(name), ...(options.alsoTables ?? []), 'outbox', 'meta', 'bases'];
  const entry = await db.transaction('rw', tables, async () => {
    await ensureBase(db, entity, parsed.id);
    const applied = await supersedeRejected(db, name, parsed);
    await applyLocalMutation(db, name, applied, clientAt);
    const args = await argsToSend(db, name, applied);
    const last = await db.outbox.orderBy('id').last();
    let queued: OutboxEntry;
    if (last && canFold(last, name, parsed.id)) {
      queued = { ...last, args: { ...last.args, ...args } };
      await db.outbox.put(queued);
    } else {
      const id = await getMeta(db, 'nextMutationId');
      queued = { id, name, args, clientAt, status: 'pending', entity, entityId: parsed.id };
      await db.outbox.add(queued);
      await setMeta(db, 'nextMutationId', id + 1);
    }
    await options.alsoWrite?.();
    await refreshMarkers(db, [ref]);
    return queued;
  });
  for (const listener of listeners) {
    // The write has committed: a listener's failure must not make it look failed.
    try {
      listener(entry);
    } catch (error) {
      console.error('A local-write listener failed', error);
    }
  }
  return entry;
}

/**
 * Saving as the trainer types makes many puts of one record in a row: while the newest entry is an
 * unsent put of the same record, the new fields merge into it (puts are merges, so the result is the
 * same) instead of costing another mutation. The entry keeps the `clientAt` of its first change: a
 * put that made a session offline at 08:00 and was filled in until 17:00 made it at 08:00 (the review
 * history's device time, README decision 52). A `sent` entry is never changed: the push claims its batch
 * in one transaction, so what it sends is what it marked.
 */
function canFold(last: OutboxEntry, name: MutationName, id: string): boolean {
  return last.status === 'pending' && last.name === name && last.entityId === id && putKeys[name] !== undefined;
}

/**
 * Removes the record's refused entries the new mutation replaces (same name; any, for a delete),
 * rebuilds the record without them, and returns the args to apply: for a put, the refused fields
 * (at their current values) under the new ones, so fixing one field retries the whole refused edit.
 */
async function supersedeRejected(
  db: LogbookDb,
  name: MutationName,
  args: OutboxEntry['args'],
): Promise<OutboxEntry['args']> {
  const entity = entityOfMutation(name);
  const superseded = await db.outbox
    .where('status')
    .equals('rejected')
    .filter((e) => e.entity === entity && e.entityId === args.id && (e.name === name || name.endsWith('.delete')))
    .sortBy('id');
  if (superseded.length === 0) return args;
  const before = await entityTable(db, entity).get(args.id);
  await db.outbox.bulkDelete(superseded.map((e) => e.id));
  // A refused merge had removed the people it merged and moved their rows here; the new merge may name
  // others. Pull from the start, as discarding it does, so what the server kept comes back.
  if (superseded.some((e) => e.name === 'person.merge')) await setMeta(db, 'cursor', null);
  const remaining = await db.outbox.where('[entity+entityId]').equals([entity, args.id]).sortBy('id');
  const base = await db.bases.get([entity, args.id]);
  if (base) await rebuildRecord(db, [entity, args.id], base.row, remaining);
  const keys = putKeys[name];
  if (!keys) return args;
  const source: Record<string, unknown> =
    before ?? superseded.reduce<Record<string, unknown>>((all, e) => ({ ...all, ...e.args }), {});
  const refused = new Set(superseded.flatMap((e) => Object.keys(e.args)));
  const carried = keys
    .filter((key) => refused.has(key) && source[key] !== undefined)
    .map((key): [string, unknown] => [key, source[key]]);
  return { ...Object.fromEntries(carried), ...patchOf(args), id: args.id };
}

/** The args as queued: the fields given, or every owned field while the server lacks the record. */
async function argsToSend(db: LogbookDb, name: MutationName, args: OutboxEntry['args']): Promise<OutboxEntry['args']> {
  const keys = putKeys[name];
  if (!keys) return args;
  const row = await entityTable(db, entityOfMutation(name)).get(args.id);
  if (!row) return args;
  const wanted = new Set(Object.keys(patchOf(args)));
  if (row.version === undefined) keys.forEach((key) => wanted.add(key));
  const picked = keys
    .filter((key) => wanted.has(key) && row[key] !== undefined)
    .map((key): [string, unknown] => [key, row[key]]);
  return { ...Object.fromEntries(picked), id: args.id };
}

export const putSession = (db: LogbookDb, args: MutationArgs<'session.put'>) => mutate(db, 'session.put', args);
export const submitSession = (db: LogbookDb, id: string) => mutate(db, 'session.submit', { id });
export const deleteSession = (db: LogbookDb, id: string) => mutate(db, 'session.delete', { id });
export const reviewSession = (db: LogbookDb, args: MutationArgs<'session.review'>) =>
  mutate(db, 'session.review', args);
export const putParticipant = (db: LogbookDb, args: MutationArgs<'participant.put'>) =>
  mutate(db, 'participant.put', args);
export const deleteParticipant = (db: LogbookDb, id: string) => mutate(db, 'participant.delete', { id });
export const putAttendance = (db: LogbookDb, args: MutationArgs<'attendance.put'>) =>
  mutate(db, 'attendance.put', args);
export const deleteAttendance = (db: LogbookDb, id: string) => mutate(db, 'attendance.delete', { id });
export const deletePhoto = (db: LogbookDb, id: string) => mutate(db, 'photo.delete', { id });
/** An organiser's merge of people (issue 13): applied here to the records this device holds, sent when online. */
export const mergePeopleOnDevice = (db: LogbookDb, args: MutationArgs<'person.merge'>) =>
  mutate(db, 'person.merge', args);
/** Its undo: only queued (what the merge changed is kept on the server); the pull after it brings the result. */
export const unmergePeopleOnDevice = (db: LogbookDb, args: MutationArgs<'person.unmerge'>) =>
  mutate(db, 'person.unmerge', args);

/**
 * A photo's metadata and its image bytes in one transaction; the bytes upload after the metadata is
 * applied on the server. `image` is the resized image; a caption change passes no image.
 */
export async function putPhoto(
  db: LogbookDb,
  meta: MutationArgs<'photo.put'>,
  image?: Blob | ArrayBuffer,
): Promise<OutboxEntry> {
  if (!image) return mutate(db, 'photo.put', meta);
  // Read the bytes before the transaction: awaiting anything but Dexie inside one would commit it.
  const bytes = image instanceof ArrayBuffer ? image : await image.arrayBuffer();
  const mime = meta.mime ?? (image instanceof Blob ? image.type : 'application/octet-stream');
  return mutate(db, 'photo.put', meta, {
    alsoTables: ['photoBlobs'],
    alsoWrite: () => db.photoBlobs.put({ id: meta.id, bytes, mime, uploaded: false }),
  });
}
