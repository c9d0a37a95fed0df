// When the server has lost work this device saw acknowledged (it was restored from an older backup), the
// outbox no longer holds that work: acknowledged entries leave it with the pull that confirms them. The
// device's own records are then the only copy, so they are queued again, whole, ahead of whatever is still
// unsent: the people of the trainer's unit, the trainer's sessions that are not approved (an approved one is
// locked and was reviewed on the server), their attendance and photos (whose images upload again), and a
// submit for each session the trainer had submitted. Records the server still holds take the same values
// again; a submit the server already has comes back refused as `invalid_transition`, for the trainer to
// discard. Nothing is lost; at worst a record deleted after the backup returns. Call inside a transaction
// over the entity tables, `outbox`, `photoBlobs` and `users`.
import { mutationArgsSchemas, type MutationName } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import type { OutboxEntry } from './local-rows';

type Row = Record<string, unknown> & { id: string };

function fullPut(name: MutationName, row: Row, clientAt: string): Omit<OutboxEntry, 'id'> {
  const keys = Object.keys((mutationArgsSchemas[name] as unknown as { shape: Record<string, unknown> }).shape);
  const args = Object.fromEntries(
    keys.filter((key) => row[key] !== undefined).map((key) => [key, row[key]]),
  ) as OutboxEntry['args'];
  const entity = name.slice(0, name.indexOf('.')) as OutboxEntry['entity'];
  return { name, args, clientAt, status: 'pending', entity, entityId: row.id };
}

/** The trainer's own records as mutations that recreate them, in the order their references need. */
export async function ownRecordsAsMutations(db: LogbookDb): Promise<Omit<OutboxEntry, 'id'>[]> {
  const profile = db.profile ?? (await db.users.get(db.userId));
  if (profile?.role !== 'trainer') return [];
  const clientAt = new Date().toISOString();
  // No trainerId index (database.ts v5): a trainer's device holds the trainer's own sessions, read once here.
  const sessions = await db.sessions.filter((s) => s.trainerId === db.userId && s.status !== 'approved').toArray();
  const sessionIds = sessions.map((s) => s.id);
  const people = await db.participants.where('unitId').equals(profile.unitId).toArray();
  const attendance = sessionIds.length ? await db.attendance.where('sessionId').anyOf(sessionIds).toArray() : [];
  const photos = sessionIds.length ? await db.photos.where('sessionId').anyOf(sessionIds).toArray() : [];
  const blobs = photos.length ? await db.photoBlobs.bulkGet(photos.map((p) => p.id)) : [];
  for (const blob of blobs)
    if (blob?.uploaded) await db.photoBlobs.update(blob.id, { uploaded: false, error: undefined });
  return [
    ...people.map((row) => fullPut('participant.put', row as unknown as Row, clientAt)),
    ...sessions.map((row) => fullPut('session.put', row as unknown as Row, clientAt)),
    ...attendance.map((row) => fullPut('attendance.put', row as unknown as Row, clientAt)),
    ...photos.map((row) => fullPut('photo.put', row as unknown as Row, clientAt)),
    ...sessions
      .filter((s) => s.status === 'submitted')
      .map((s): Omit<OutboxEntry, 'id'> => ({
        name: 'session.submit',
        args: { id: s.id },
        clientAt,
        status: 'pending',
        entity: 'session',
        entityId: s.id,
      })),
  ];
}
