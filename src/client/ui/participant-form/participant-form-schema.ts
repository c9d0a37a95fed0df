// The participant form's values (what the inputs hold: strings, '' for "not given") and their
// conversion to the participant record of src/domain/schemas/participant.ts. Each field's rule is the
// record's own schema; only the empty-string and birth-year parsing are the form's.
import { z } from 'zod';
import { dateSchema } from '#domain/schemas/common';
import {
  consentMethodSchema,
  ethnicityCodeSchema,
  genderSchema,
  participantSchema,
  unionRoleSchema,
  type Participant,
} from '#domain/schemas/participant';

const optional = <S extends z.ZodType>(schema: S) => z.union([z.literal(''), schema]);
const text = (max: number) => z.string().trim().max(max);

function birthYearIsPlausible(value: string): boolean {
  if (value === '') return true;
  const year = Number(value);
  return /^\d{4}$/.test(value) && year >= 1900 && year <= new Date().getFullYear();
}

export const participantFormSchema = z.object({
  fullName: text(120).min(1),
  // A radio group with nothing chosen yields null: required, and never defaulted (no silent "Nữ").
  gender: genderSchema,
  birthYear: z.string().trim().refine(birthYearIsPlausible),
  ethnicity: optional(ethnicityCodeSchema),
  phone: optional(participantSchema.shape.phone.unwrap().unwrap()),
  workplace: text(200),
  position: text(200),
  unionRole: optional(unionRoleSchema),
  consentMethod: consentMethodSchema,
  consentAt: dateSchema,
});

export type ParticipantFormInput = z.input<typeof participantFormSchema>;
export type ParticipantFormValues = z.output<typeof participantFormSchema>;
export type ParticipantFormField = keyof ParticipantFormInput;

/** The fields a participant record gets from the form; '' becomes null, so clearing a field clears it. */
export type ParticipantFields = Omit<Participant, 'id' | 'unitId'>;

export function participantFieldsFrom(values: ParticipantFormValues): ParticipantFields {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    fullName: values.fullName.replace(/\s+/g, ' '),
    gender: values.gender,
    birthYear: values.birthYear === '' ? null : Number(values.birthYear),
    ethnicity: values.ethnicity === '' ? null : values.ethnicity,
    phone: orNull(values.phone),
    workplace: orNull(values.workplace),
    position: orNull(values.position),
    unionRole: values.unionRole === '' ? null : values.unionRole,
    consent: { method: values.consentMethod, at: values.consentAt },
  };
}

/** Form values for a new person (nothing chosen for them) or an existing one. */
export function participantFormDefaults(today: string, participant?: Partial<Participant>): ParticipantFormInput {
  return {
    fullName: participant?.fullName ?? '',
    gender: participant?.gender as ParticipantFormInput['gender'],
    birthYear: participant?.birthYear != null ? String(participant.birthYear) : '',
    ethnicity: participant?.ethnicity ?? '',
    phone: participant?.phone ?? '',
    workplace: participant?.workplace ?? '',
    position: participant?.position ?? '',
    unionRole: participant?.unionRole ?? '',
    consentMethod: participant?.consent?.method as ParticipantFormInput['consentMethod'],
    consentAt: participant?.consent?.at ?? today,
  };
}
