// What a mutator may touch: a small transaction over the four records trainers write. The device implements
// it on Dexie (src/client/db/dexie-mutation-store.ts), the server on rows it read for the whole push
// (src/server/sync/batch-store.ts). Mutators read first and write last, and a runner collects the writes, so
// a refused mutation writes nothing on either side.
import type { Role } from '../schemas/auth';
import type { Attendance } from '../schemas/attendance';
import type { Participant } from '../schemas/participant';
import type { Photo } from '../schemas/photo';
import type { Session } from '../schemas/session';

/** The records as mutators read and write them: the domain shapes, optional fields as null. */
export interface MutationRows {
  session: Session;
  participant: Participant;
  attendance: Attendance;
  photo: Photo;
}
export type MutableEntity = keyof MutationRows;
export type ChildEntity = 'attendance' | 'photo';

/**
 * A row as read: the server keeps tombstones (`deleted: true`); the device drops them. For people the server
 * also tells of merges (issue 13): `mergedInto` on the tombstone of a person merged into another, and on a
 * person the units of the records merged into them (`mergedUnitIds`). A side that cannot tell leaves them out.
 */
export type StoredRow<E extends MutableEntity> = MutationRows[E] & {
  deleted?: boolean;
  mergedInto?: string | null;
  mergedUnitIds?: string[];
};

export interface MutationReader {
  get: <E extends MutableEntity>(entity: E, id: string) => Promise<StoredRow<E> | undefined>;
  /** The live attendance rows or photos of a session. */
  liveChildren: <E extends ChildEntity>(entity: E, sessionId: string) => Promise<MutationRows[E][]>;
  /** Which of `ids` are live topics of the space. */
  liveTopicIds: (ids: readonly string[], spaceId: string) => Promise<Set<string>>;
  /**
   * Whether `unitId` is `ancestorId` or below it; `undefined` when this side cannot tell (the device may
   * lack part of the unit tree), and then the rule leaves the decision to the server.
   */
  isUnitWithin: (unitId: string, ancestorId: string) => Promise<boolean | undefined>;
}

export type MutationWrite = {
  [E in MutableEntity]: { entity: E; op: 'put'; row: MutationRows[E] } | { entity: E; op: 'delete'; id: string };
}[MutableEntity];

export interface MutationTx extends MutationReader {
  put: <E extends MutableEntity>(entity: E, row: MutationRows[E]) => void;
  /** A tombstone on the server, a removed row on the device. */
  remove: (entity: MutableEntity, id: string) => void;
}

export interface MutationUser {
  id: string;
  role: Role;
  unitId: string;
  spaceId: string;
}

export interface MutationContext {
  user: MutationUser;
  /** ISO 8601: the server's clock on the server; the device's (kept only as information) on the device. */
  now: string;
  /** The device's clock when the mutation was made (its `clientAt`); on the device, the same as `now`. */
  clientAt?: string;
}
