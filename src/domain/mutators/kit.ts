// Checks every mutator shares: who may write, which session a change belongs to, what may never change.
import { isTrainerContentLocked } from '../rules/session-status';
import type { Session } from '../schemas/session';
import { MutationError, notFound } from './mutation-error';
import type { MutationContext, MutationReader } from './transaction';

/** A patch without its `id` and without keys explicitly undefined (absent = untouched). */
export function patchOf<T extends { id: string }>(args: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = args;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, 'id'>;
}

export function requireTrainer({ user }: MutationContext): void {
  if (user.role !== 'trainer') {
    throw new MutationError('forbidden', 'Only trainers change sessions, participants, attendance and photos');
  }
}

/** A live session of the signed-in trainer; `field` names the arg that named it. */
export async function ownSession(
  tx: MutationReader,
  { user }: MutationContext,
  id: string,
  field = 'id',
): Promise<Session> {
  const row = await tx.get('session', id);
  if (!row || row.deleted) throw notFound(field);
  if (row.trainerId !== user.id) {
    throw new MutationError('forbidden', 'This session belongs to another trainer', { [field]: 'forbidden' });
  }
  return row;
}

/** Trainer content of an approved session is final. */
export function refuseIfLocked(session: Pick<Session, 'status'>): void {
  if (isTrainerContentLocked(session.status)) {
    throw new MutationError('session_locked', 'The session is approved; its content can no longer change');
  }
}

/** Fields given when a record is made that may never change afterwards. */
export function refuseChanges<T extends object>(
  current: T | undefined,
  patch: Partial<T>,
  fields: readonly (keyof T & string)[],
): void {
  if (!current) return;
  const changed = fields.filter((f) => patch[f] !== undefined && patch[f] !== current[f]);
  if (changed.length > 0) {
    throw new MutationError(
      'invalid',
      'These fields cannot change',
      Object.fromEntries(changed.map((f) => [f, 'immutable'])),
    );
  }
}
