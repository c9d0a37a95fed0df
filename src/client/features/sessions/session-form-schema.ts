// The editor's form: the trainer-owned fields of a session, checked by the domain's own schemas
// (the same ones putSession and the server apply), plus what the autosave sends: only the fields
// that changed since the last save and are valid on their own.
import type { z } from 'zod';
import { sessionSchema, type Session } from '#domain/schemas/session';

export const sessionFormSchema = sessionSchema
  .pick({
    format: true,
    title: true,
    startDate: true,
    endDate: true,
    provinceCode: true,
    communeCode: true,
    communeName: true,
    adminSet: true,
    placeName: true,
    topicIds: true,
    attendanceMode: true,
    headcount: true,
    plannedParticipants: true,
    notes: true,
  })
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'end_before_start' });

export type SessionFormValues = z.input<typeof sessionFormSchema>;
export type SessionFormField = keyof SessionFormValues;
export type SessionPatch = Partial<SessionFormValues>;

const formFields = Object.keys(sessionFormSchema.shape) as SessionFormField[];

/** Fields that are only valid together: one at fault holds back the other. */
const boundTogether: SessionFormField[][] = [
  ['startDate', 'endDate'],
  ['communeCode', 'communeName', 'adminSet'],
];

/** The form's starting values: the row's fields, with empty optional ones made explicit. */
export function formValuesOf(session: Session): SessionFormValues {
  return {
    format: session.format,
    title: session.title,
    startDate: session.startDate,
    endDate: session.endDate,
    provinceCode: session.provinceCode,
    communeCode: session.communeCode ?? null,
    communeName: session.communeName ?? null,
    adminSet: session.adminSet,
    placeName: session.placeName,
    topicIds: [...session.topicIds],
    attendanceMode: session.attendanceMode,
    headcount: session.headcount
      ? { ...session.headcount }
      : session.attendanceMode === 'headcount'
        ? { total: 0, women: 0, ethnicMinority: 0 }
        : null,
    plannedParticipants: session.plannedParticipants ?? null,
    notes: session.notes ?? '',
  };
}

/** The fields the schema refuses in `values` (top-level names). */
export function invalidFields(values: SessionFormValues): Set<SessionFormField> {
  const result = sessionFormSchema.safeParse(values);
  const invalid = new Set<SessionFormField>();
  if (result.success) return invalid;
  for (const issue of result.error.issues) invalid.add(String(issue.path[0]) as SessionFormField);
  for (const group of boundTogether) {
    if (group.some((field) => invalid.has(field))) group.forEach((field) => invalid.add(field));
  }
  return invalid;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * What to write: each field that differs from `saved` and is valid. A field at fault (women over
 * the total, an end before the start) waits, shown to the trainer, until it is fixed.
 */
export function savablePatch(values: SessionFormValues, saved: SessionFormValues): SessionPatch {
  const invalid = invalidFields(values);
  const patch: Record<string, unknown> = {};
  for (const field of formFields) {
    if (invalid.has(field) || same(values[field], saved[field])) continue;
    patch[field] = structuredClone(values[field]);
  }
  return patch;
}

/** Whether `values` still holds changes that differ from `saved` but cannot be saved yet. */
export function hasUnsavableChanges(values: SessionFormValues, saved: SessionFormValues): boolean {
  return [...invalidFields(values)].some((field) => !same(values[field], saved[field]));
}
