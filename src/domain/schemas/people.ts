// People counted once across a province (issue 13): the likely duplicates an organiser reviews, with the
// evidence side by side, and the merge of several registrations of one person into the one kept (and its
// undo). Shared by the organiser's screen and the server's /api/people routes.
import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './common';
import { consentSchema, ethnicityCodeSchema, genderSchema, unionRoleSchema } from './participant';

export const DEFAULT_DUPLICATE_GROUPS = 200;
export const MAX_DUPLICATE_GROUPS = 1000;
export const MAX_MERGED_PER_MERGE = 20;

/** GET /api/people/duplicates: within the reader's subtree, or the part of it under `unitId`. */
export const duplicatesQuerySchema = z.object({
  unitId: idSchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .positive()
    .max(MAX_DUPLICATE_GROUPS)
    .optional()
    .transform((v) => v ?? DEFAULT_DUPLICATE_GROUPS),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuerySchema>;

/** Why two records look like one person; `different_*` lower the score. */
export const duplicateReasons = [
  'same_name',
  'name_variant',
  'same_birth_year',
  'same_phone',
  'different_birth_year',
  'different_gender',
] as const;
export const duplicateReasonSchema = z.enum(duplicateReasons);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** high: the same name with the same birth year or phone; medium: a name variant or a phone alone; low: a doubt. */
export const duplicateConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type DuplicateConfidence = z.infer<typeof duplicateConfidenceSchema>;

export const attendedSessionSchema = z.object({ id: idSchema, title: z.string(), startDate: dateSchema });

/** One record as the organiser compares it. */
export const personEvidenceSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  fullName: z.string(),
  gender: genderSchema,
  birthYear: z.number().int().nullable(),
  /** Absent when the reader may not see it; the finder only lists records its reader may see whole. */
  ethnicity: ethnicityCodeSchema.nullable(),
  phone: z.string().nullable(),
  workplace: z.string().nullable(),
  position: z.string().nullable(),
  unionRole: unionRoleSchema.nullable(),
  consent: consentSchema,
  createdAt: instantSchema,
  sessionsAttended: z.number().int().nonnegative(),
  /** The latest few sessions attended, newest first. */
  recentSessions: z.array(attendedSessionSchema),
});
export type PersonEvidence = z.infer<typeof personEvidenceSchema>;

export const duplicateGroupSchema = z.object({
  /** 0–100: how likely the records are one person. Groups come most likely first. */
  score: z.number().int().min(0).max(100),
  confidence: duplicateConfidenceSchema,
  reasons: z.array(duplicateReasonSchema),
  people: z.array(personEvidenceSchema).min(2),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

export const duplicatesResponseSchema = z.object({ groups: z.array(duplicateGroupSchema) });
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;

/** Merge people into the one kept (`id`); `mergeId`, made by the caller, names the merge for its undo. */
export const mergeRequestSchema = z
  .object({
    id: idSchema,
    mergedIds: z.array(idSchema).min(1).max(MAX_MERGED_PER_MERGE),
    mergeId: idSchema.optional(),
  })
  .strict();
export type MergeRequest = z.infer<typeof mergeRequestSchema>;

/**
 * The synced `person.merge` (a contract extension): `id` is the person kept, `mergeId` the merge's own id, made
 * by the device (a uuidv7) so the organiser can undo the merge before the server has answered.
 */
export const personMergeArgsSchema = z
  .object({
    id: idSchema,
    mergeId: idSchema,
    mergedIds: z.array(idSchema).min(1).max(MAX_MERGED_PER_MERGE),
  })
  .strict();
export type PersonMergeArgs = z.infer<typeof personMergeArgsSchema>;

/** The synced `person.unmerge`: the merge `mergeId`, named with the person it kept (`id`). */
export const personUnmergeArgsSchema = z.object({ id: idSchema, mergeId: idSchema }).strict();
export type PersonUnmergeArgs = z.infer<typeof personUnmergeArgsSchema>;

export const mergeSummarySchema = z.object({
  mergeId: idSchema,
  keptId: idSchema,
  mergedIds: z.array(idSchema),
  /** Attendance rows that now name the person kept. */
  movedAttendance: z.number().int().nonnegative(),
  /** Sessions that had two of the records: one row kept, its days joined, the other a tombstone. */
  joinedAttendance: z.number().int().nonnegative(),
  mergedAt: instantSchema,
  undoneAt: instantSchema.nullable(),
});
export type MergeSummary = z.infer<typeof mergeSummarySchema>;

export const undoMergeRequestSchema = z.object({ mergeId: idSchema }).strict();
export type UndoMergeRequest = z.infer<typeof undoMergeRequestSchema>;

/** A recent merge as the organiser's screen lists it, for its undo. */
export const mergeListItemSchema = mergeSummarySchema.extend({
  keptName: z.string(),
  mergedNames: z.array(z.string()),
});
export type MergeListItem = z.infer<typeof mergeListItemSchema>;

export const mergeListSchema = z.object({ merges: z.array(mergeListItemSchema) });
export type MergeList = z.infer<typeof mergeListSchema>;
