// One person at one session: participant-turns are counted from these rows.
import { z } from 'zod';
import { idSchema, shortTextSchema } from './common';

export const attendanceSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  participantId: idSchema,
  /** For multi-day sessions: the day numbers (1-based) the person attended; absent means every day. */
  days: z.array(z.number().int().min(1).max(366)).max(366).nullish(),
  note: shortTextSchema.nullish(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendancePutArgsSchema = attendanceSchema.strict();
export type AttendancePutArgs = z.infer<typeof attendancePutArgsSchema>;
