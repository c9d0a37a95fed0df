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
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(['applied', 'rejected']),
  error: apiErrorSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  results: z.array(mutationResultSchema),
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
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const changeSchema = z.object({
  entity: syncEntitySchema,
  id: idSchema,
  version: z.number().int().nonnegative(),
  deleted: z.boolean(),
  /** The row as the entity's schema describes it, plus `createdAt`/`updatedAt`; null for a purged tombstone. */
  data: z.record(z.string(), z.unknown()).nullable(),
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
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** GET /api/sync/sessions/:id (extension): one session in the reader's scope with its attendance, people and photos. */
export const sessionReadResponseSchema = z.object({
  changes: z.array(changeSchema),
});
export type SessionReadResponse = z.infer<typeof sessionReadResponseSchema>;
