// The per-user IndexedDB database (`tlb-<userId>`): people sharing a phone never see each other's
// records. Versions are append-only: add `this.version(n + 1)` with the changed stores, never edit one.
// iOS closes IndexedDB under memory pressure: Dexie reopens on the next access, and we reopen eagerly
// so live queries recover.
import { Dexie, type Table } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type {
  BaseRow,
  LocalAttendance,
  LocalParticipant,
  LocalPhoto,
  LocalPlan,
  LocalSession,
  LocalTopic,
  LocalUnit,
  LocalUser,
  MetaRow,
  OutboxEntry,
  PhotoBlobRow,
} from './local-rows';
import type { User } from '#domain/schemas/auth';
import { trackUploadState, uploadStateOf } from './upload-state';

export type DeviceProfile = Pick<User, 'role' | 'unitId' | 'spaceId'>;

export class LogbookDb extends Dexie {
  declare sessions: Table<LocalSession, string>;
  declare participants: Table<LocalParticipant, string>;
  declare attendance: Table<LocalAttendance, string>;
  declare photos: Table<LocalPhoto, string>;
  declare photoBlobs: Table<PhotoBlobRow, string>;
  declare units: Table<LocalUnit, string>;
  declare topics: Table<LocalTopic, string>;
  declare plans: Table<LocalPlan, string>;
  declare users: Table<LocalUser, string>;
  declare outbox: Table<OutboxEntry, number>;
  declare meta: Table<MetaRow, string>;
  declare bases: Table<BaseRow, [string, string]>;

  readonly userId: string;
  /** Who the rules see as the writer (role, unit, space); a pulled user row stands in when absent. */
  profile: DeviceProfile | undefined;
  private closedByApp = false;
  private deletedElsewhere = false;

  constructor(userId: string, profile?: DeviceProfile) {
    super(`tlb-${userId}`);
    this.userId = userId;
    this.profile = profile;
    this.version(1).stores({
      sessions: 'id, unitId, trainerId, status, startDate',
      participants: 'id, unitId, searchKey',
      attendance: 'id, [sessionId+participantId], sessionId, participantId',
      photos: 'id, sessionId',
      photoBlobs: 'id',
      units: 'id, parentId, spaceId',
      topics: 'id, spaceId, key',
      plans: 'id, unitId, [unitId+year]',
      users: 'id',
      outbox: 'id, status, [entity+entityId]',
      meta: 'key',
      bases: '[entity+id]',
    });
    // v2: count unsent changes by kind from the index alone (the sync chip reads this after every write).
    this.version(2).stores({ outbox: 'id, status, [entity+entityId], [status+entity]' });
    // v3: images not uploaded yet, or refused, found from an index (see upload-state.ts).
    this.version(3)
      .stores({ photoBlobs: 'id, uploadState' })
      .upgrade((tx) =>
        tx
          .table<PhotoBlobRow, string>('photoBlobs')
          .toCollection()
          .modify((row) => {
            const state = uploadStateOf(row);
            if (state) row.uploadState = state;
          }),
      );
    // v4: the review queue reads its first rows in order from an index instead of every session of a tab
    // (a pull page re-runs it; an organiser's queue can hold a thousand sessions).
    this.version(4).stores({
      sessions:
        'id, unitId, trainerId, status, startDate, [status+submittedAt+startDate], [status+reviewedAt+startDate]',
    });
    // v5: a pull page writes every row into each of its table's indexes, and on a phone-class CPU that is most of
    // the cost of applying it (docs/sync.md §10). Sessions lose the unitId and trainerId indexes, which no query
    // reads (recovery.ts filters its few sessions instead); attendance loses its own sessionId index: every
    // attendance row has both parts of [sessionId+participantId], so Dexie answers where('sessionId') from that.
    this.version(5).stores({
      sessions: 'id, status, startDate, [status+submittedAt+startDate], [status+reviewedAt+startDate]',
      attendance: 'id, [sessionId+participantId], participantId',
    });
    trackUploadState(this.photoBlobs);
    this.on('populate', (tx) => {
      void tx.table('meta').bulkAdd(initialMeta(userId));
    });
    this.on('versionchange', (event) => {
      if (event.newVersion === null) this.deletedElsewhere = true;
    });
    this.on('close', () => {
      if (this.closedByApp) return;
      // Let Dexie finish closing (and a versionchange listener run) before reopening.
      setTimeout(() => {
        if (this.closedByApp || this.deletedElsewhere || this.isOpen()) return;
        this.open().catch((error: unknown) => console.error('Could not reopen the local database', error));
      }, 50);
    });
  }

  /** Closes for good (sign-out, switching user): no automatic reopening. */
  closeForGood(): void {
    this.closedByApp = true;
    this.close();
  }
}

export function initialMeta(userId: string): MetaRow[] {
  return [
    { key: 'clientId', value: uuidv7() },
    { key: 'userId', value: userId },
    { key: 'nextMutationId', value: 1 },
    { key: 'cursor', value: null },
    { key: 'lastMutationId', value: 0 },
    { key: 'lastSyncAt', value: null },
    { key: 'lastSyncError', value: null },
    { key: 'resetInProgress', value: false },
    { key: 'workingSet', value: false },
    { key: 'pullLimit', value: null },
    { key: 'lastDraftId', value: null },
  ];
}

let current: LogbookDb | null = null;

/** Opens (or returns the already open) database of this user, closing another user's. */
export function openUserDb(userId: string, profile?: DeviceProfile): LogbookDb {
  if (current?.userId === userId) {
    current.profile = profile ?? current.profile;
    return current;
  }
  closeUserDb();
  current = new LogbookDb(userId, profile);
  return current;
}

/** The signed-in user's database; throws when no one is signed in. */
export function getUserDb(): LogbookDb {
  if (!current) throw new Error('No user database is open: call openUserDb(userId) after sign-in.');
  return current;
}

/** Closes the current database. Nothing is deleted: unsynced work waits for the next sign-in. */
export function closeUserDb(): void {
  current?.closeForGood();
  current = null;
}
