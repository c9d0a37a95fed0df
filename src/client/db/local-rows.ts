// The shapes of rows in the per-user database: the domain records as the server sends them, plus
// the local sync markers, the outbox entries and the meta values the sync engine keeps.
import type { ApiError } from '#domain/schemas/error';
import type { Attendance } from '#domain/schemas/attendance';
import type { Participant } from '#domain/schemas/participant';
import type { Photo } from '#domain/schemas/photo';
import type { Plan, Topic, Unit } from '#domain/schemas/reference';
import type { Session } from '#domain/schemas/session';
import type { User } from '#domain/schemas/auth';
import type { MutationName, SyncEntity } from '#domain/schemas/sync';

/**
 * Added to every local row. `version`, `createdAt`, `updatedAt` are known once the server has the row
 * (a row made on this device has none until its first pull). Tombstones delete rows, so `deleted` is
 * never true locally. `pending`: unsent local changes; `rejected`: a change the server refused.
 */
export interface LocalMarkers {
  version?: number;
  deleted?: boolean;
  createdAt?: string;
  updatedAt?: string;
  pending: boolean;
  rejected: boolean;
}

export type LocalSession = Session & LocalMarkers;
/** `searchKey`: folded name and phone digits, matched by `searchParticipants`. */
export type LocalParticipant = Participant & LocalMarkers & { searchKey: string };
export type LocalAttendance = Attendance & LocalMarkers;
export type LocalPhoto = Photo & LocalMarkers;
export type LocalUnit = Unit & LocalMarkers;
export type LocalTopic = Topic & LocalMarkers;
export type LocalPlan = Plan & LocalMarkers;
export type LocalUser = User & LocalMarkers;

export interface LocalRowByEntity {
  session: LocalSession;
  participant: LocalParticipant;
  attendance: LocalAttendance;
  photo: LocalPhoto;
  unit: LocalUnit;
  topic: LocalTopic;
  plan: LocalPlan;
  user: LocalUser;
}

/**
 * A photo's image, kept as bytes (not a Blob: older iOS Safari failed to store Blobs in IndexedDB)
 * until it is uploaded, and afterwards for display. `error`: a refusal retrying will not fix.
 */
export interface PhotoBlobRow {
  id: string;
  bytes: ArrayBuffer;
  mime: string;
  uploaded: boolean;
  error?: string;
  /** Derived by the database from `uploaded` and `error` (upload-state.ts), for its index: never set it. */
  uploadState?: UploadState;
}

/** `waiting`: not uploaded yet · `refused`: the server refused it for good (see `error`). */
export type UploadState = 'waiting' | 'refused';

/**
 * `pending`: not yet sent · `sent`: pushed, answer not yet received · `applied`: acknowledged,
 * kept until the pull that carries its result · `rejected`: refused, kept until fixed or discarded.
 */
export type OutboxStatus = 'pending' | 'sent' | 'applied' | 'rejected';

export interface OutboxEntry {
  /** The mutation id: contiguous integers from 1 per client. */
  id: number;
  name: MutationName;
  args: Record<string, unknown> & { id: string };
  /** Device time, ISO 8601; device clocks are often wrong, so it is kept only as information. */
  clientAt: string;
  status: OutboxStatus;
  entity: SyncEntity;
  entityId: string;
  error?: ApiError;
  /** Applied: the server's time and version of its push, to rebuild its echo (docs/sync.md §10, echo-rebuild.ts). */
  echo?: { at: string; version: number };
}

/** The server state of a record while local changes sit on top of it: rebuilt from on discard. */
export interface BaseRow {
  entity: SyncEntity;
  id: string;
  row: Record<string, unknown> | null;
}

export interface MetaValues {
  clientId: string;
  userId: string;
  nextMutationId: number;
  cursor: string | null;
  /** The last mutation id the server acknowledged for this client. */
  lastMutationId: number;
  lastSyncAt: string | null;
  lastSyncError: string | null;
  /** A reset pull has begun and its last page has not been applied yet. */
  resetInProgress: boolean;
  /** The server answers with a working set (an organiser): sessions beyond it are read from the server. */
  workingSet: boolean;
  /** Rows a pull page asks for, learned from how long this device took to apply pages (null: the server's default). */
  pullLimit: number | null;
  /** The draft "New session" made last on this device: pressed again, it reopens that draft while untouched. */
  lastDraftId: string | null;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow {
  key: MetaKey;
  value: unknown;
}
