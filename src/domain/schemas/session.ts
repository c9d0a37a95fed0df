// A training or communication session: what the trainer records, and the review state organisers move.
import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, longTextSchema, shortTextSchema, type SyncedMeta } from './common';

export const sessionFormats = [
  'training',
  'communication',
  'workshop',
  'roundtable',
  'talk',
  'counselling',
  'contest',
  'event',
  'club',
  'other',
] as const;
export const sessionFormatSchema = z.enum(sessionFormats);
export type SessionFormat = z.infer<typeof sessionFormatSchema>;

export const sessionStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const attendanceModeSchema = z.enum(['roster', 'headcount']);
export type AttendanceMode = z.infer<typeof attendanceModeSchema>;

const count = z.number().int().nonnegative().max(1_000_000);

export const headcountSchema = z
  .object({ total: count, women: count, ethnicMinority: count })
  .refine((h) => h.women <= h.total, { path: ['women'], message: 'women_over_total' })
  .refine((h) => h.ethnicMinority <= h.total, { path: ['ethnicMinority'], message: 'ethnic_minority_over_total' });
export type Headcount = z.infer<typeof headcountSchema>;

export const provinceCodeSchema = z.string().regex(/^\d{2}$/);
export const communeCodeSchema = z.string().regex(/^\d{5}$/);
export const ADMIN_SET = '2026-07-25';

/** The fields a trainer owns. A draft may leave title, topics and place empty; submitting checks them. */
const trainerFields = {
  unitId: idSchema,
  format: sessionFormatSchema,
  title: shortTextSchema,
  topicIds: z.array(idSchema).max(30),
  startDate: dateSchema,
  endDate: dateSchema,
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema.nullish(),
  /** The commune's name as written when the record was made (codes are reused across reforms). */
  communeName: shortTextSchema.nullish(),
  adminSet: z.string().max(20),
  placeName: shortTextSchema,
  attendanceMode: attendanceModeSchema,
  headcount: headcountSchema.nullish(),
  plannedParticipants: count.nullish(),
  notes: longTextSchema.nullish(),
};

export const sessionTrainerFieldsSchema = z
  .object(trainerFields)
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'end_before_start' });
export type SessionTrainerFields = z.infer<typeof sessionTrainerFieldsSchema>;

export const sessionReviewFieldsSchema = z.object({
  status: sessionStatusSchema,
  reviewComment: longTextSchema.nullish(),
  reviewedBy: idSchema.nullish(),
  reviewedAt: instantSchema.nullish(),
  submittedAt: instantSchema.nullish(),
});
export type SessionReviewFields = z.infer<typeof sessionReviewFieldsSchema>;

/**
 * When the trainer made the session and last submitted it, by the device's clock (the `clientAt` of the
 * mutation, docs/sync.md §1): work done offline reaches the server days later, and its `createdAt` and
 * `submittedAt` are then the sync's time. Information only, never compared with the server's instants; absent
 * on sessions from before it was kept and from older devices' pulls.
 */
export const sessionDeviceTimesSchema = z.object({
  createdClientAt: instantSchema.nullish(),
  submittedClientAt: instantSchema.nullish(),
});

/** A session as stored and pulled. */
export const sessionSchema = z.object({
  id: idSchema,
  trainerId: idSchema,
  ...trainerFields,
  ...sessionReviewFieldsSchema.shape,
  ...sessionDeviceTimesSchema.shape,
});
export type Session = z.infer<typeof sessionSchema>;
export type SyncedSession = Session & SyncedMeta;

/** `session.put`: a partial patch of trainer fields; absent fields stay as they are. */
export const sessionPutArgsSchema = z
  .object({ id: idSchema })
  .extend(
    Object.fromEntries(Object.entries(trainerFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof trainerFields]: z.ZodOptional<(typeof trainerFields)[K]>;
    },
  )
  .strict();
export type SessionPutArgs = z.infer<typeof sessionPutArgsSchema>;

export const sessionIdArgsSchema = z.object({ id: idSchema }).strict();

export const reviewDecisionSchema = z.enum(['approve', 'return']);
export const sessionReviewArgsSchema = z
  .object({ id: idSchema, decision: reviewDecisionSchema, comment: longTextSchema.optional() })
  .strict()
  .refine((a) => a.decision === 'approve' || (a.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'comment_required',
  });
export type SessionReviewArgs = z.infer<typeof sessionReviewArgsSchema>;
