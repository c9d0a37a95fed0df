// What every local mutator shares: the context it runs in and the checks it makes before writing.
// Mutators check everything first and write last, so a refusal leaves the transaction untouched
// (re-applying pending changes after a pull relies on that).
import type { z } from 'zod';
import { fieldErrorsFrom } from '../../domain/schemas/error';
import { isTrainerContentLocked } from '../../domain/rules/session-status';
import type { LogbookDb } from './database';
import { LocalWriteError } from './local-write-error';
import type { LocalSession } from './local-rows';

export interface MutatorContext {
  db: LogbookDb;
  /** The signed-in user: becomes `trainerId` of a new session and `reviewedBy` of a review. */
  userId: string;
  /** Device time of the write, ISO 8601; the server replaces it with its own. */
  now: string;
}

/** Parses `value` with `schema`, or refuses the write with the fields at fault. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new LocalWriteError('invalid', fieldErrorsFrom(result.error));
  return result.data;
}

/** A patch without its `id` and without keys explicitly set to undefined (absent = untouched). */
export function patchOf<T extends { id: string }>(args: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = args;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, 'id'>;
}

export async function existing<T>(row: Promise<T | undefined>, field = 'id'): Promise<T> {
  const found = await row;
  if (!found) throw new LocalWriteError('not_found', { [field]: 'not_found' });
  return found;
}

/** The session a child record (attendance, photo) belongs to, refusing if its content is locked. */
export async function openSession(db: LogbookDb, sessionId: string): Promise<LocalSession> {
  const session = await existing(db.sessions.get(sessionId), 'sessionId');
  if (isTrainerContentLocked(session.status)) throw new LocalWriteError('session_locked');
  return session;
}

/** Fields that may be given when a record is made but never changed afterwards. */
export function refuseChanges<T extends object>(row: T | undefined, patch: Partial<T>, fields: readonly (keyof T & string)[]): void {
  if (!row) return;
  const changed = fields.filter((f) => f in patch && patch[f] !== row[f]);
  if (changed.length > 0) throw new LocalWriteError('invalid', Object.fromEntries(changed.map((f) => [f, 'immutable'])));
}

export const newRowMarkers = { pending: true, rejected: false } as const;
