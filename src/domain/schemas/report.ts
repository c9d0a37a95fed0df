// Report filters and the summary an organiser's dashboard and exports are built from (docs/api.md).
import { z } from 'zod';
import { localeSchema } from './auth';
import { dateSchema, idSchema } from './common';
import { sessionFormatSchema, sessionStatusSchema, type SessionStatus } from './session';

export const DEFAULT_REPORT_STATUSES: SessionStatus[] = ['submitted', 'approved'];

/** Query-string filters; `status` is a comma-separated list. */
export const reportQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  unitId: idSchema.optional(),
  topicId: idSchema.optional(),
  format: sessionFormatSchema.optional(),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return DEFAULT_REPORT_STATUSES;
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const parsed = z.array(sessionStatusSchema).min(1).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'invalid_status' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Published tables may hide counts under 5, which could identify people. */
  suppressSmall: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const shareSchema = z.object({ turns: z.number().int().nonnegative(), pct: z.number().min(0).max(100) });

const bucket = {
  sessions: z.number().int().nonnegative(),
  participantTurns: z.number().int().nonnegative(),
  women: z.number().int().nonnegative(),
  ethnicMinority: z.number().int().nonnegative(),
};

const monthKey = { month: z.string().regex(/^\d{4}-\d{2}$/) };
const topicKey = { topicId: idSchema };
const unitKey = { unitId: idSchema };
const formatKey = { format: sessionFormatSchema };

export const planProgressSchema = z.object({
  targetSessions: z.number().int().nonnegative(),
  targetParticipantTurns: z.number().int().nonnegative(),
  sessionsPct: z.number().nonnegative(),
  participantTurnsPct: z.number().nonnegative(),
});
export type PlanProgress = z.infer<typeof planProgressSchema>;

export const reportSummarySchema = z.object({
  sessions: z.number().int().nonnegative(),
  participantTurns: z.number().int().nonnegative(),
  uniqueParticipants: z.number().int().nonnegative(),
  women: shareSchema,
  ethnicMinority: shareSchema,
  byMonth: z.array(z.object({ ...monthKey, ...bucket })),
  byTopic: z.array(z.object({ ...topicKey, ...bucket })),
  byUnit: z.array(z.object({ ...unitKey, ...bucket })),
  byFormat: z.array(z.object({ ...formatKey, ...bucket })),
  plan: planProgressSchema.nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A count of 1–4 in a published table may identify people: with `suppressSmall` it is null. */
const suppressibleCount = z.number().int().nonnegative().nullable();
const suppressedBucket = {
  sessions: suppressibleCount,
  participantTurns: suppressibleCount,
  women: suppressibleCount,
  ethnicMinority: suppressibleCount,
};

/**
 * The summary answered with `suppressSmall=1`: the headline totals and plan as in the default shape, the
 * by-month/topic/unit/format counts null where they were 1–4, and `suppressed: true` to tell the shapes apart.
 */
export const reportSummarySuppressedSchema = reportSummarySchema.extend({
  suppressed: z.literal(true),
  byMonth: z.array(z.object({ ...monthKey, ...suppressedBucket })),
  byTopic: z.array(z.object({ ...topicKey, ...suppressedBucket })),
  byUnit: z.array(z.object({ ...unitKey, ...suppressedBucket })),
  byFormat: z.array(z.object({ ...formatKey, ...suppressedBucket })),
});
export type ReportSummarySuppressed = z.infer<typeof reportSummarySuppressedSchema>;

/** Export filters: the report filters, the language of labels, and whether to include the named list. */
export const exportQuerySchema = reportQuerySchema.extend({
  lang: localeSchema.optional().transform((v) => v ?? 'vi'),
  /** `names=0` leaves the attendance list (named personal data) out of the XLSX. */
  names: z
    .enum(['0', '1'])
    .optional()
    .transform((v) => v !== '0'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
