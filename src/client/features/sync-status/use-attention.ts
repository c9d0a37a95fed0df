// What needs the trainer, read from the local tables: each refused change with the records that name
// it (the session's title and date, the participant's name), images the server refused for good with
// their photo and session, and the sessions an organiser returned.
// A record a refused delete removed locally is read from its base (the server's copy) or the args.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LogbookDb } from '#client/db/database.ts';
import type { LocalSession, OutboxEntry } from '#client/db/local-rows.ts';

/** The fields of a record this list shows; any of them may be missing. */
export type RecordFacts = { id: string; [field: string]: unknown };

export interface RefusedChange {
  entry: OutboxEntry;
  /** The record as it is on the device now, else as the server has it, else as the change says. */
  record: RecordFacts;
  /** Whether the record is still on the device (a refused delete removed it). */
  onDevice: boolean;
  /** The server has never had the record: discarding the change removes it from the device. */
  isNew: boolean;
  /** The session the record is (or belongs to), for its title and date. */
  session?: RecordFacts;
  /** The participant the record is (or names, for attendance). */
  participant?: RecordFacts;
}

export interface RefusedImageFacts {
  id: string;
  /** The server's error code. */
  error: string;
  photo?: RecordFacts;
  session?: RecordFacts;
}

export interface Attention {
  refused: RefusedChange[];
  images: RefusedImageFacts[];
  returned: LocalSession[];
}

const tableOf = {
  session: 'sessions',
  participant: 'participants',
  attendance: 'attendance',
  photo: 'photos',
} as const;

async function readRecord(db: LogbookDb, table: string, id: unknown): Promise<RecordFacts | undefined> {
  if (typeof id !== 'string') return undefined;
  return (await db.table(table).get(id)) as RecordFacts | undefined;
}

async function describe(db: LogbookDb, entry: OutboxEntry): Promise<RefusedChange> {
  const table = tableOf[entry.entity as keyof typeof tableOf] ?? 'sessions';
  const current = await readRecord(db, table, entry.entityId);
  const base = await db.bases.get([entry.entity, entry.entityId]);
  const record: RecordFacts = current ?? (base?.row as RecordFacts | null | undefined) ?? entry.args;
  const isNew = base ? base.row === null : current?.version === undefined;
  const change: RefusedChange = { entry, record, onDevice: current !== undefined, isNew };
  if (entry.entity === 'session') change.session = record;
  else if (entry.entity === 'participant') change.participant = record;
  else {
    change.session = await readRecord(db, 'sessions', record.sessionId);
    if (entry.entity === 'attendance') change.participant = await readRecord(db, 'participants', record.participantId);
  }
  return change;
}

export async function readAttention(db: LogbookDb, userId: string): Promise<Attention> {
  // One read transaction for the whole list, not one per record read.
  const tables = [db.outbox, db.bases, db.photoBlobs, db.sessions, db.participants, db.attendance, db.photos];
  return db.transaction('r', tables, () => readAttentionIn(db, userId));
}

async function readAttentionIn(db: LogbookDb, userId: string): Promise<Attention> {
  const rejected = await db.outbox.where('status').equals('rejected').sortBy('id');
  const refused = await Promise.all(rejected.map((entry) => describe(db, entry)));
  const images = await Promise.all(
    (await db.photoBlobs.where('uploadState').equals('refused').toArray()).map(
      async ({ id, error }): Promise<RefusedImageFacts> => {
        const photo = await readRecord(db, 'photos', id);
        return { id, error: error ?? 'unknown', photo, session: await readRecord(db, 'sessions', photo?.sessionId) };
      },
    ),
  );
  const returned = await db.sessions
    .where('status')
    .equals('returned')
    .filter((session) => session.trainerId === userId)
    .toArray();
  returned.sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''));
  return { refused, images, returned };
}

export function useAttention(db: LogbookDb | null, userId: string | undefined): Attention | undefined {
  return useLiveQuery(
    async () => (db && userId ? readAttention(db, userId) : { refused: [], images: [], returned: [] }),
    [db, userId],
  );
}

/** Only the count of returned sessions, for the chip on every screen. */
export function useReturnedCount(db: LogbookDb | null, userId: string | undefined): number {
  return (
    useLiveQuery(async () => {
      if (!db || !userId) return 0;
      return db.sessions
        .where('status')
        .equals('returned')
        .filter((s) => s.trainerId === userId)
        .count();
    }, [db, userId]) ?? 0
  );
}
