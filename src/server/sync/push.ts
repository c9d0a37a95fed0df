// POST /api/sync/push (DESIGN §5): named mutations applied exactly once, in order, in ONE transaction.
// - The client's row is locked first, so two pushes of one client serialise.
// - Ids at or below lastMutationId are replays: their stored result is answered again, nothing is written.
// - The next id is applied in a savepoint; a refusal rolls back to it and is stored as `rejected` with its
//   error. Either way the id is consumed and its result stored.
// - Any other id is a gap: 409 `out_of_order` (with lastMutationId in `fields`) and the whole request is
//   rolled back, checked before anything is applied.
// - Rows written get the request's version of their space (version-stamps.ts). The trainer's or
//   organiser's own space is stamped before the first mutation, so writers of one space queue on its row
//   lock before reading anything, and mutators read what the previous writer committed.
import { and, eq, inArray } from 'drizzle-orm';
import {
  mutationArgsSchemas, type Mutation, type MutationResult, type PushRequest, type PushResponse,
} from '../../domain/schemas/sync';
import type { User } from '../../domain/schemas/auth';
import type { ApiError } from '../../domain/schemas/error';
import type { Db, DbTx } from '../db/database';
import { mutationResults, syncClients } from '../db/schema';
import { HttpError } from '../http/errors';
import { lockClient } from './client-binding';
import { isDataError, isRetryableConflict, isUniqueViolation } from './db-errors';
import { MutationRefusal, refusalFields } from './mutators/kit';
import { isMutationName, mutatorFor } from './mutators/registry';
import { VersionStamps } from './version-stamps';

const MAX_ATTEMPTS = 3;
const RESULT_INSERT_CHUNK = 200;
const MAX_STORED_FIELDS = 50;

export async function applyPush(db: Db, user: User, request: PushRequest, now: Date): Promise<PushResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => pushInTransaction(tx, user, request, now));
    } catch (error) {
      // Two admins reviewing across spaces can deadlock on the space locks; the loser simply runs again.
      if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
}

async function pushInTransaction(
  tx: DbTx, user: User, { clientId, mutations }: PushRequest, now: Date,
): Promise<PushResponse> {
  const storedLast = await lockClient(tx, clientId, user.id, now);
  const lastMutationId = refuseGaps(mutations, storedLast);
  const results = new Map<number, MutationResult>(await storedResults(tx, clientId, mutations, storedLast));

  // The first copy of an id applies; a second copy in the same request is a replay of it.
  const fresh = mutations.filter((m, i) => m.id > storedLast && mutations.findIndex((o) => o.id === m.id) === i);
  const stamps = new VersionStamps();
  if (fresh.length > 0 && user.role !== 'admin') await stamps.for(tx, user.spaceId);
  for (const mutation of fresh) results.set(mutation.id, await applyOne(tx, user, mutation, now, stamps));

  const freshResults = fresh.map((m) => results.get(m.id)).filter((r) => r !== undefined);
  for (let i = 0; i < freshResults.length; i += RESULT_INSERT_CHUNK) {
    await tx.insert(mutationResults).values(freshResults.slice(i, i + RESULT_INSERT_CHUNK).map((r) => ({
      clientId, mutationId: r.id, status: r.status, error: r.error ?? null, createdAt: now,
    })));
  }
  if (lastMutationId !== storedLast) {
    await tx.update(syncClients).set({ lastMutationId, updatedAt: now }).where(eq(syncClients.clientId, clientId));
  }
  return { lastMutationId, results: mutations.map((m) => results.get(m.id) ?? { id: m.id, status: 'applied' }) };
}

/** Walks the ids as the server would apply them; returns the new lastMutationId or throws 409 at a gap. */
function refuseGaps(mutations: Mutation[], storedLast: number): number {
  let last = storedLast;
  for (const { id } of mutations) {
    if (id <= last) continue;
    if (id !== last + 1) {
      throw new HttpError(409, 'out_of_order', `Mutation ${id} is out of order: the next expected is ${last + 1}`, {
        lastMutationId: String(storedLast),
      });
    }
    last = id;
  }
  return last;
}

async function storedResults(tx: DbTx, clientId: string, mutations: Mutation[], storedLast: number) {
  const replayIds = [...new Set(mutations.filter((m) => m.id <= storedLast).map((m) => m.id))];
  if (replayIds.length === 0) return [];
  const rows = await tx.select().from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), inArray(mutationResults.mutationId, replayIds)));
  const found = new Map(rows.map((row) => [row.mutationId, row]));
  // A result missing (never expected) still means the id was consumed: answer it as applied.
  return replayIds.map((id): [number, MutationResult] => {
    const row = found.get(id);
    if (row?.status === 'rejected') return [id, { id, status: 'rejected', error: row.error ?? undefined }];
    return [id, { id, status: 'applied' }];
  });
}

async function applyOne(
  tx: DbTx, user: User, mutation: Mutation, now: Date, stamps: VersionStamps,
): Promise<MutationResult> {
  const { id, name } = mutation;
  if (!isMutationName(name)) {
    return rejected(id, { code: 'invalid', message: `Unknown mutation ${name}`, fields: { name: 'unknown_mutation' } });
  }
  const parsed = mutationArgsSchemas[name].safeParse(mutation.args);
  if (!parsed.success) {
    const fields = refusalFields(parsed.error);
    return rejected(id, { code: 'invalid', message: 'The mutation arguments are not valid', fields });
  }
  try {
    await stamps.undoneOnFailure(() => tx.transaction((sp) => mutatorFor(name)({
      tx: sp, user, now, versionFor: (spaceId) => stamps.for(sp, spaceId),
    }, parsed.data)));
    return { id, status: 'applied' };
  } catch (error) {
    if (error instanceof MutationRefusal) {
      const { code, message, fields } = error;
      return rejected(id, { code, message, ...(fields ? { fields } : {}) });
    }
    if (isUniqueViolation(error) && name === 'attendance.put') {
      const message = 'The person is already on this session';
      return rejected(id, { code: 'duplicate_attendance', message, fields: { participantId: 'duplicate' } });
    }
    // Data the database refuses (a NUL byte, a date out of its range) is the record's fault, not the server's.
    if (isDataError(error)) return rejected(id, { code: 'invalid', message: 'The database refused the record' });
    throw error;
  }
}

function rejected(id: number, error: ApiError): MutationResult {
  return { id, status: 'rejected', error: storable(error) };
}

/**
 * Field names come from the client's args: a NUL or a lone surrogate in one would make the stored jsonb
 * refuse the whole push, and a huge one would bloat it. Keep them well-formed, short and few.
 */
function storable(error: ApiError): ApiError {
  const clean = (text: string, max: number) => text.slice(0, max).toWellFormed().replaceAll('\0', '\uFFFD');
  const fields = error.fields && Object.fromEntries(Object.entries(error.fields)
    .slice(0, MAX_STORED_FIELDS)
    .map(([key, reason]) => [clean(key, 120), clean(reason, 120)]));
  return { code: error.code, message: clean(error.message, 300), ...(fields ? { fields } : {}) };
}
