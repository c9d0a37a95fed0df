// A person who attends sessions, kept in the unit's registry so the same person counts once.
import { z } from 'zod';
import { dateSchema, idSchema, shortTextSchema } from './common';

export const genderSchema = z.enum(['female', 'male', 'other']);
export type Gender = z.infer<typeof genderSchema>;

/** The group's current official two-digit code (GSO 2008 list), or one of the two extensions. */
export const ethnicityCodeSchema = z.union([
  z.string().regex(/^(0[1-9]|[1-4]\d|5[0-4])$/),
  z.literal('foreign'),
  z.literal('undisclosed'),
]);
export type EthnicityCode = z.infer<typeof ethnicityCodeSchema>;

export const consentMethodSchema = z.enum(['signed', 'oral-witnessed', 'guardian']);
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

export const consentSchema = z.object({ method: consentMethodSchema, at: dateSchema });
export type Consent = z.infer<typeof consentSchema>;

export const unionRoles = [
  'member',
  'worker',
  'officer-full-time',
  'officer-part-time',
  'grassroots-chair',
  'womens-committee',
  'speaker',
  'other',
] as const;
export const unionRoleSchema = z.enum(unionRoles);
export type UnionRole = z.infer<typeof unionRoleSchema>;

const participantFields = {
  unitId: idSchema,
  fullName: z.string().trim().min(1).max(120),
  gender: genderSchema,
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  ethnicity: ethnicityCodeSchema.nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{6,20}$/)
    .nullish(),
  workplace: shortTextSchema.nullish(),
  position: shortTextSchema.nullish(),
  unionRole: unionRoleSchema.nullish(),
  consent: consentSchema,
};

export const participantSchema = z.object({ id: idSchema, ...participantFields });
export type Participant = z.infer<typeof participantSchema>;

export const participantPutArgsSchema = z
  .object({ id: idSchema })
  .extend(
    Object.fromEntries(Object.entries(participantFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof participantFields]: z.ZodOptional<(typeof participantFields)[K]>;
    },
  )
  .strict();
export type ParticipantPutArgs = z.infer<typeof participantPutArgsSchema>;
