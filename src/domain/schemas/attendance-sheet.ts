// The printable A4 attendance sheet of one session (GET /api/reports/sessions/:id/attendance-sheet): the
// session, its unit and topics, and the numbered roster. The sheet is passed round the room for signatures,
// so it carries no ethnicity and no phone numbers: nobody reads another person's sensitive data off it.
import { z } from 'zod';
import { dateSchema, idSchema } from './common';
import { genderSchema, unionRoleSchema } from './participant';
import { attendanceModeSchema, headcountSchema, sessionFormatSchema, sessionStatusSchema } from './session';

export const attendanceSheetRowSchema = z.object({
  /** 1-based, in Vietnamese alphabetical order of full names. */
  number: z.number().int().positive(),
  participantId: idSchema,
  fullName: z.string(),
  gender: genderSchema,
  birthYear: z.number().int().nullable(),
  workplace: z.string().nullable(),
  position: z.string().nullable(),
  unionRole: unionRoleSchema.nullable(),
});
export type AttendanceSheetRow = z.infer<typeof attendanceSheetRowSchema>;

export const attendanceSheetSchema = z.object({
  session: z.object({
    id: idSchema,
    title: z.string(),
    format: sessionFormatSchema,
    startDate: dateSchema,
    endDate: dateSchema,
    placeName: z.string(),
    communeName: z.string().nullable(),
    provinceCode: z.string(),
    attendanceMode: attendanceModeSchema,
    headcount: headcountSchema.nullable(),
    status: sessionStatusSchema,
    trainerName: z.string(),
  }),
  unit: z.object({ id: idSchema, name: z.string(), shortName: z.string() }),
  topics: z.array(z.object({ id: idSchema, key: z.string(), nameVi: z.string(), nameEn: z.string() })),
  roster: z.array(attendanceSheetRowSchema),
});
export type AttendanceSheet = z.infer<typeof attendanceSheetSchema>;
