// The sync protocol of docs/sync.md: push named mutations exactly once, pull versioned changes after a cursor.
import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { apiErrorSchema } from './error';
import { attendancePutArgsSchema } from './attendance';
import { participantPutArgsSchema } from './participant';
import { personMergeArgsSchema, personUnmergeArgsSchema } from './people';
import { photoPutArgsSchema } from './photo';
import { sessionIdArgsSchema, sessionPutArgsSchema, sessionReviewArgsSchema } from './session';

export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
/** An organiser's working set holds the headers of sessions that started within this many months. */
export const WORKING_SET_MONTHS = 12;

const idArgs = z.object({ id: idSchema }).strict();

/** Every mutation name with the schema of its args: one definition for the client and the server. */
export const mutationArgsSchemas = {
  'session.put': sessionPutArgsSchema,
  'session.submit': sessionIdArgsSchema,
  'session.delete': sessionIdArgsSchema,
  'session.review': sessionReviewArgsSchema,
  'participant.put': participantPutArgsSchema,
  'participant.delete': idArgs,
  'attendance.put': attendancePutArgsSchema,
  'attendance.delete': idArgs,
  'photo.put': photoPutArgsSchema,
  'photo.delete': idArgs,
  // Extensions (issue 13): an organiser merges registrations of one person, or undoes a merge.
  'person.merge': personMergeArgsSchema,
  'person.unmerge': personUnmergeArgsSchema,
} as const;
export type MutationName = keyof typeof mutationArgsSchemas;
export const mutationNames = Object.keys(mutationArgsSchemas) as MutationName[];
export const mutationNameSchema = z.enum(mutationNames as [MutationName, ...MutationName[]]);
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgsSchemas)[N]>;

/**
 * No echo (docs/sync.md §10): the mutations whose one write is their own record, computed from that record, the
 * args and the writer's context alone, so a device that knows the server's time and version of the push rebuilds
 * the row the server stored. Deletes (tombstones are always sent), the cascade of session.delete and the merges
 * of people (which the device does not or cannot apply as the server does) are not among them.
 */
export const echoMutationNames: ReadonlySet<MutationName> = new Set([
  'session.put',
  'session.submit',
  'session.review',
  'participant.put',
  'attendance.put',
  'photo.put',
]);

/** A mutation on the wire. `args` is checked against its name's schema when it is applied. */
export const mutationSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  clientAt: instantSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

/** `userId`: the user whose device database sends this; the server refuses (403) a cookie of another. */
export const pushRequestSchema = z.object({
  clientId: idSchema,
  userId: idSchema.optional(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
  /**
   * Extension (no echo, docs/sync.md §10): the device's pull cursor as it pushes, `null` before its first pull.
   * Sending it says the device rebuilds its own writes: the answer then carries `echoes`, and rows the server
   * can prove the device holds as stored are left out of its later pulls that ask `echoes: "omit"`.
   */
  cursor: z.string().max(8192).nullable().optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(['applied', 'rejected']),
  error: apiErrorSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

/** Extension (no echo): applied mutations `from`..`to` were stored at the server's time `at`, with `version`. */
export const echoRunSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  at: instantSchema,
  version: z.number().int().nonnegative(),
});
export type EchoRun = z.infer<typeof echoRunSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  results: z.array(mutationResultSchema),
  /** Extension, answered to a push that sent `cursor`: the server's time and version of its applied mutations. */
  echoes: z.array(echoRunSchema).optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const syncEntities = ['session', 'participant', 'attendance', 'photo', 'unit', 'topic', 'plan', 'user'] as const;
export const syncEntitySchema = z.enum(syncEntities);
export type SyncEntity = z.infer<typeof syncEntitySchema>;

export const pullRequestSchema = z.object({
  clientId: idSchema,
  /** As in a push: the user whose device database asks; another user's cookie gets 403. */
  userId: idSchema.optional(),
  /** Opaque to the client; it holds a position per space the user reads, so an admin's grows with the spaces. */
  cursor: z.string().max(8192).nullable(),
  limit: z.number().int().positive().max(MAX_PULL_LIMIT).optional(),
  /**
   * `working-set` (a contract extension): an organiser's device holds a working set of its scope rather than the
   * whole history — the sessions awaiting review in full first, then session headers of the last
   * WORKING_SET_MONTHS months and the reference data (docs/sync.md note; README decision log). Trainers and admins
   * get their full scope whatever they ask. Absent means `full`, as before the extension.
   */
  scope: z.enum(['full', 'working-set']).optional(),
  /**
   * `omit` (no echo, docs/sync.md §10): leave out the rows this client's own pushes wrote and the device rebuilds
   * from its acknowledged outbox entries and the pushes' `echoes`. Never on a null or reset cursor, nor in an
   * organiser's working set. Absent means every row in full, as before the extension.
   */
  echoes: z.literal('omit').optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/**
 * A pulled row's fields: any JSON object, passed on as it is. `z.record` checked each key (always a string in
 * JSON) and copied every row: parsing and checking a page of 1,000 session rows took 15 ms in Node against 5 ms
 * now, of which JSON.parse is 4.7 — on a device's main thread, for every page.
 */
const rowDataSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected an object' },
);

export const changeSchema = z.object({
  entity: syncEntitySchema,
  id: idSchema,
  version: z.number().int().nonnegative(),
  deleted: z.boolean(),
  /** The row as the entity's schema describes it, plus `createdAt`/`updatedAt`; null for a purged tombstone. */
  data: rowDataSchema.nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
  reset: z.boolean(),
  lastMutationId: z.number().int().nonnegative(),
  changes: z.array(changeSchema),
  /** Extension: about how many records are still to come after this page (0 when `hasMore` is false). */
  remaining: z.number().int().nonnegative().optional(),
  /** Extension: true when the server answered with an organiser's working set (older sessions are read on demand). */
  workingSet: z.boolean().optional(),
  /** Extension (no echo): `omitted` when this page left out the rows the asking device rebuilds itself. */
  echoes: z.literal('omitted').optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** GET /api/sync/sessions/:id (extension): one session in the reader's scope with its attendance, people and photos. */
export const sessionReadResponseSchema = z.object({
  changes: z.array(changeSchema),
});
export type SessionReadResponse = z.infer<typeof sessionReadResponseSchema>;
