// POST /api/sync/push (docs/sync.md): named mutations applied exactly once, in order, in ONE transaction.
// - The client's row is locked first, so two pushes of one client serialise.
// - Ids at or below lastMutationId are replays: their stored result is answered again, nothing is written.
// - Any other id than the next is a gap: 409 `out_of_order` (with lastMutationId in `fields`) and the whole
//   request is rolled back, checked before anything is applied.
// - The fresh mutations are applied set by set: every row they can touch is read in a few statements
//   (batch-store.ts), the shared mutators of src/domain/mutators run in order in memory, and the changed rows
//   are written with multi-row statements (batch-flush.ts). A refused mutation writes nothing, so it needs no
//   savepoint; it is stored as `rejected` with its error and still consumes its id.
// - Should the database refuse the batch's rows (a value the schemas let through but PostgreSQL does not),
//   the batch is rolled back to its savepoint and applied one mutation at a time, so only the mutation at
//   fault is refused.
// - person.merge and person.unmerge (issue 13) run between the sets, each in its own savepoint, through the
//   code of POST /api/people/merges (src/server/people): the set before a merge is written first, and the set
//   after it reads what the merge wrote.
// - Rows written get the request's version of their space (version-stamps.ts). The writer's own space is
//   stamped before anything is read, so writers of one space queue on its row lock and each reads what the
//   previous one committed.
import { and, eq, inArray } from 'drizzle-orm';
import { MutationError } from '#domain/mutators/mutation-error';
import { isMutationName, parseMutationArgs, runMutation } from '#domain/mutators/registry';
import type { MutationContext } from '#domain/mutators/transaction';
import type { User } from '#domain/schemas/auth';
import type { ApiError } from '#domain/schemas/error';
import type { Mutation, MutationResult, PushRequest, PushResponse } from '#domain/schemas/sync';
import type { AuditEntry } from '../audit';
import type { Db, DbTx } from '../db/database';
import { mutationResults, syncClients } from '../db/schema';
import { HttpError } from '../http/errors';
import { applyPeopleMutation, isPeopleMutation, type PeopleMutationName } from '../people/people-mutations';
import { PeopleRefusal } from '../people/people-refusal';
import { flushBatch } from './batch-flush';
import { BatchStore, type ParsedMutation } from './batch-store';
import { lockClient } from './client-binding';
import { isDataError, isRetryableConflict, isUniqueViolation } from './db-errors';
import { echoContext, echoRuns, noteWrites, type EchoContext } from './echo-stamps';
import { VersionStamps } from './version-stamps';

const MAX_ATTEMPTS = 3;
const RESULT_INSERT_CHUNK = 2000;
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
  tx: DbTx,
  user: User,
  { clientId, mutations, cursor }: PushRequest,
  now: Date,
): Promise<PushResponse> {
  const storedLast = await lockClient(tx, clientId, user.id, now);
  const lastMutationId = refuseGaps(mutations, storedLast);
  const stored = await storedResults(tx, clientId, mutations, storedLast);
  const results = new Map<number, MutationResult>(stored.map(({ id, result }) => [id, result]));

  // The first copy of an id applies; a second copy in the same request is a replay of it.
  const fresh = mutations.filter((m, i) => m.id > storedLast && mutations.findIndex((o) => o.id === m.id) === i);
  const stamps = new VersionStamps();
  if (fresh.length > 0 && user.role !== 'admin') await stamps.for(tx, user.spaceId);
  const echo = fresh.length > 0 ? echoContext(user, clientId, cursor, fresh) : undefined;
  // The version every row of this push gets (one space: echo pushes are never an admin's).
  const echoVersion = echo ? await stamps.for(tx, user.spaceId) : null;
  const parsed: ParsedMutation[] = [];
  for (const mutation of fresh) {
    try {
      parsed.push(parse(mutation));
    } catch (error) {
      results.set(mutation.id, refusal(mutation.id, error));
    }
  }
  for (const result of await applyInOrder(tx, user, parsed, now, stamps, echo)) results.set(result.id, result);

  const freshResults = fresh.map((m) => results.get(m.id)).filter((r) => r !== undefined);
  for (let i = 0; i < freshResults.length; i += RESULT_INSERT_CHUNK) {
    await tx.insert(mutationResults).values(
      freshResults.slice(i, i + RESULT_INSERT_CHUNK).map((r) => ({
        clientId,
        mutationId: r.id,
        status: r.status,
        error: r.error ?? null,
        version: r.status === 'applied' ? echoVersion : null,
        createdAt: now,
      })),
    );
  }
  if (lastMutationId !== storedLast) {
    await tx.update(syncClients).set({ lastMutationId, updatedAt: now }).where(eq(syncClients.clientId, clientId));
  }
  const answer: PushResponse = {
    lastMutationId,
    results: mutations.map((m) => results.get(m.id) ?? { id: m.id, status: 'applied' }),
  };
  // A device that sent its cursor rebuilds its writes: it learns each applied mutation's time and version.
  if (cursor !== undefined) {
    const facts = [
      ...stored.map(({ result, at, version }) => ({ ...result, at, version })),
      ...freshResults.map((r) => ({ ...r, at: now, version: echoVersion })),
    ];
    answer.echoes = echoRuns(facts);
  }
  return answer;
}

function parse({ id, name, args, clientAt }: Mutation): ParsedMutation {
  if (!isMutationName(name)) {
    throw new MutationError('invalid', `Unknown mutation ${name}`, { name: 'unknown_mutation' });
  }
  return { id, name, args: parseMutationArgs(name, args), clientAt };
}

/** Runs of ordinary mutations as sets, and each merge of people on its own between them, in order. */
async function applyInOrder(
  tx: DbTx,
  user: User,
  mutations: ParsedMutation[],
  now: Date,
  stamps: VersionStamps,
  echo: EchoContext | undefined,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  let run: ParsedMutation[] = [];
  for (const mutation of mutations) {
    if (!isPeopleMutation(mutation.name)) {
      run.push(mutation);
      continue;
    }
    results.push(...(await applyBatch(tx, user, run, now, stamps, echo)));
    run = [];
    results.push(await applyPeopleWrite(tx, user, mutation as ParsedMutation<PeopleMutationName>, now, stamps));
  }
  results.push(...(await applyBatch(tx, user, run, now, stamps, echo)));
  return results;
}

/** A merge or its undo, in a savepoint: a refusal rolls back whatever it wrote and is stored as the result. */
async function applyPeopleWrite(
  tx: DbTx,
  user: User,
  { id, name, args }: ParsedMutation<PeopleMutationName>,
  now: Date,
  stamps: VersionStamps,
): Promise<MutationResult> {
  try {
    await inSavepoint(tx, stamps, (sp) =>
      applyPeopleMutation({ tx: sp, user, now, versionFor: (spaceId) => stamps.for(sp, spaceId) }, name, args),
    );
    return { id, status: 'applied' };
  } catch (error) {
    if (error instanceof PeopleRefusal) {
      return rejected(id, {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    if (isDataError(error)) return databaseRefusal({ id, name, args }, error);
    throw error;
  }
}

/**
 * Applies the mutations as one set; if the database refuses the set's rows, again one by one, each in its
 * own savepoint, refusing the one at fault.
 */
async function applyBatch(
  tx: DbTx,
  user: User,
  mutations: ParsedMutation[],
  now: Date,
  stamps: VersionStamps,
  echo: EchoContext | undefined,
): Promise<MutationResult[]> {
  if (mutations.length === 0) return [];
  try {
    return await inSavepoint(tx, stamps, (sp) => applySet(sp, user, mutations, now, stamps, echo));
  } catch (error) {
    if (!isDataError(error) || mutations.length === 1) {
      if (mutations.length === 1 && isDataError(error)) return [databaseRefusal(mutations[0]!, error)];
      throw error;
    }
  }
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    try {
      results.push(...(await inSavepoint(tx, stamps, (sp) => applySet(sp, user, [mutation], now, stamps, echo))));
    } catch (error) {
      if (!isDataError(error)) throw error;
      results.push(databaseRefusal(mutation, error));
    }
  }
  return results;
}

async function inSavepoint<T>(tx: DbTx, stamps: VersionStamps, work: (sp: DbTx) => Promise<T>): Promise<T> {
  return stamps.undoneOnFailure(() => tx.transaction(work));
}

/** Reads what the mutations touch, runs them in order in memory, writes what changed. */
async function applySet(
  tx: DbTx,
  user: User,
  mutations: ParsedMutation[],
  now: Date,
  stamps: VersionStamps,
  echo: EchoContext | undefined,
): Promise<MutationResult[]> {
  const store = await BatchStore.load(tx, user, mutations);
  echo?.tainted.clear();
  const audit: AuditEntry[] = [];
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    // The device's clock goes with the mutation: a session keeps when the trainer made and submitted it.
    const ctx: MutationContext = { user, now: now.toISOString(), clientAt: mutation.clientAt };
    try {
      const writes = await runMutation(store, ctx, mutation.name, mutation.args);
      store.apply(writes);
      if (echo) noteWrites(echo, mutation, writes);
      if (mutation.name === 'session.review')
        audit.push(reviewAudit(store, user, mutation as ParsedMutation<'session.review'>, now));
      results.push({ id: mutation.id, status: 'applied' });
    } catch (error) {
      results.push(refusal(mutation.id, error));
    }
  }
  await flushBatch(tx, store.dirty(), audit, stamps, now, echo);
  return results;
}

/** What only the server records of a review: who decided what, in the same transaction. */
function reviewAudit(store: BatchStore, user: User, { args }: ParsedMutation<'session.review'>, now: Date): AuditEntry {
  const status = args.decision === 'approve' ? 'approved' : 'returned';
  return {
    at: now,
    action: 'session.review',
    userId: user.id,
    spaceId: store.spaceOf('session', args.id),
    entity: 'session',
    entityId: args.id,
    detail: { decision: args.decision, status, comment: args.comment ?? null },
  };
}

function refusal(id: number, error: unknown): MutationResult {
  if (!(error instanceof MutationError)) throw error;
  const { code, message, fields } = error;
  return rejected(id, { code, message, ...(fields ? { fields } : {}) });
}

/** Data the database refuses (a NUL byte, a date out of its range) is the record's fault, not the server's. */
function databaseRefusal({ id, name }: ParsedMutation, error: unknown): MutationResult {
  if (isUniqueViolation(error) && name === 'attendance.put') {
    const message = 'The person is already on this session';
    return rejected(id, { code: 'duplicate_attendance', message, fields: { participantId: 'duplicate' } });
  }
  return rejected(id, { code: 'invalid', message: 'The database refused the record' });
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

interface StoredResult {
  id: number;
  result: MutationResult;
  /** When it was applied and, for a push that stamped echoes, its version. */
  at?: Date;
  version?: number | null;
}

async function storedResults(
  tx: DbTx,
  clientId: string,
  mutations: Mutation[],
  storedLast: number,
): Promise<StoredResult[]> {
  const replayIds = [...new Set(mutations.filter((m) => m.id <= storedLast).map((m) => m.id))];
  if (replayIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), inArray(mutationResults.mutationId, replayIds)));
  const found = new Map(rows.map((row) => [row.mutationId, row]));
  // A result missing (never expected) still means the id was consumed: answer it as applied.
  return replayIds.map((id): StoredResult => {
    const row = found.get(id);
    if (row?.status === 'rejected') return { id, result: { id, status: 'rejected', error: row.error ?? undefined } };
    return { id, result: { id, status: 'applied' }, at: row?.createdAt, version: row?.version };
  });
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
  const fields =
    error.fields &&
    Object.fromEntries(
      Object.entries(error.fields)
        .slice(0, MAX_STORED_FIELDS)
        .map(([key, reason]) => [clean(key, 120), clean(reason, 120)]),
    );
  return { code: error.code, message: clean(error.message, 300), ...(fields ? { fields } : {}) };
}
