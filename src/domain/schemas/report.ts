// Report filters and the summary an organiser's dashboard and exports are built from (DESIGN §6).
import { z } from 'zod';
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
      const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
      const parsed = z.array(sessionStatusSchema).min(1).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'invalid_status' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Published tables may hide counts under 5, which could identify people. */
  suppressSmall: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const shareSchema = z.object({ turns: z.number().int().nonnegative(), pct: z.number().min(0).max(100) });

const bucket = {
  sessions: z.number().int().nonnegative(),
  participantTurns: z.number().int().nonnegative(),
  women: z.number().int().nonnegative(),
  ethnicMinority: z.number().int().nonnegative(),
};

export const reportSummarySchema = z.object({
  sessions: z.number().int().nonnegative(),
  participantTurns: z.number().int().nonnegative(),
  uniqueParticipants: z.number().int().nonnegative(),
  women: shareSchema,
  ethnicMinority: shareSchema,
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), ...bucket })),
  byTopic: z.array(z.object({ topicId: idSchema, ...bucket })),
  byUnit: z.array(z.object({ unitId: idSchema, ...bucket })),
  byFormat: z.array(z.object({ format: sessionFormatSchema, ...bucket })),
  plan: z
    .object({
      targetSessions: z.number().int().nonnegative(),
      targetParticipantTurns: z.number().int().nonnegative(),
      sessionsPct: z.number().nonnegative(),
      participantTurnsPct: z.number().nonnegative(),
    })
    .nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
