// What every server mutator shares (DESIGN §5): the context it runs in, the refusal it throws, and the
// checks of ownership and state. A mutator runs inside its own savepoint: throwing a MutationRefusal rolls
// its writes back and records the mutation as `rejected` with the refusal's code and fields.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { User } from '../../../domain/schemas/auth';
import { fieldErrorsFrom, type ErrorCode, type FieldErrors } from '../../../domain/schemas/error';
import { isTrainerContentLocked } from '../../../domain/rules/session-status';
import type { DbTx } from '../../db/database';
import { attendance, photos, sessions } from '../../db/schema';
import type { SessionRow } from '../entity-data';

export interface MutatorContext {
  /** The savepoint's handle: use only this. */
  tx: DbTx;
  user: User;
  /** Server time: createdAt, updatedAt, submittedAt, reviewedAt. */
  now: Date;
  /** The version of every row this request writes to the space (see version-stamps.ts). */
  versionFor(spaceId: string): Promise<number>;
}

export type Mutator<A> = (ctx: MutatorContext, args: A) => Promise<void>;

export class MutationRefusal extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'MutationRefusal';
    this.code = code;
    this.fields = fields;
  }
}

/** Zod issues as `fields`; unknown keys are named one by one, so "status: unrecognized" says what to remove. */
export function refusalFields(error: z.ZodError): FieldErrors {
  // Entries, not assignments: a key named `__proto__` must stay a plain key.
  const unknownKeys = error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [];
    const prefix = issue.path.map(String).join('.');
    return issue.keys.map((key) => [prefix ? `${prefix}.${key}` : key, 'unrecognized'] as const);
  });
  return Object.fromEntries([...Object.entries(fieldErrorsFrom(error)), ...unknownKeys]);
}

/** Parses `value` with `schema`, or refuses the mutation as `invalid` with the fields at fault. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new MutationRefusal('invalid', 'The record is not valid', refusalFields(result.error));
  return result.data;
}

/** Ids from the wire may be upper case; PostgreSQL answers lower case. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase();
}

/** A patch without its `id` and without keys explicitly undefined (absent = untouched). */
export function patchOf<T extends { id: string }>(args: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = args;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, 'id'>;
}

export function requireTrainer({ user }: MutatorContext): void {
  if (user.role !== 'trainer') {
    throw new MutationRefusal('forbidden', 'Only trainers change sessions, participants, attendance and photos');
  }
}

export function notFound(field = 'id'): MutationRefusal {
  return new MutationRefusal('not_found', 'No such record', { [field]: 'not_found' });
}

export async function lockedSession(ctx: MutatorContext, id: string): Promise<SessionRow | undefined> {
  const [row] = await ctx.tx.select().from(sessions).where(eq(sessions.id, id)).for('update');
  return row;
}

/** A live session of the signed-in trainer, locked for this transaction; `field` names the arg that named it. */
export async function ownSession(ctx: MutatorContext, id: string, field = 'id'): Promise<SessionRow> {
  const row = await lockedSession(ctx, id);
  if (!row || row.deleted) throw notFound(field);
  if (!sameId(row.trainerId, ctx.user.id)) {
    throw new MutationRefusal('forbidden', 'This session belongs to another trainer', { [field]: 'forbidden' });
  }
  return row;
}

/** Trainer content of an approved session is final (DESIGN §4). */
export function refuseIfLocked(session: SessionRow): void {
  if (isTrainerContentLocked(session.status)) {
    throw new MutationRefusal('session_locked', 'The session is approved; its content can no longer change');
  }
}

/** Fields given when a record is made that may never change afterwards (strings compare as ids do). */
export function refuseChanges(
  current: Record<string, unknown> | undefined, patch: object, fields: readonly string[],
): void {
  if (!current) return;
  const changed = fields.filter((f) => {
    const next = (patch as Record<string, unknown>)[f];
    const now = current[f];
    if (next === undefined) return false;
    return typeof next === 'string' && typeof now === 'string' ? !sameId(next, now) : next !== now;
  });
  if (changed.length > 0) {
    const fieldErrors = Object.fromEntries(changed.map((f) => [f, 'immutable']));
    throw new MutationRefusal('invalid', 'These fields cannot change', fieldErrors);
  }
}

/** Live attendance rows and photos of a session: what submitting counts. */
export async function countLiveChildren(
  ctx: MutatorContext, sessionId: string,
): Promise<{ attendance: number; photos: number }> {
  const [a] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.deleted, false)));
  const [p] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(photos)
    .where(and(eq(photos.sessionId, sessionId), eq(photos.deleted, false)));
  return { attendance: Number(a?.n ?? 0), photos: Number(p?.n ?? 0) };
}
