// Reference data written by admins and organisers and pulled by every device: units, topics, plans.
import { z } from 'zod';
import { idSchema, shortTextSchema } from './common';
import { provinceCodeSchema } from './session';

export const unitKindSchema = z.enum(['province', 'intermediate', 'grassroots']);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitSchema = z.object({
  id: idSchema,
  spaceId: idSchema,
  parentId: idSchema.nullable(),
  kind: unitKindSchema,
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().min(1).max(60),
  provinceCode: provinceCodeSchema,
  active: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

/** The 8 fields of gender equality named by the Gender Equality Law 2006, articles 11–18. */
export const genderEqualityFields = [
  'politics',
  'economy',
  'labour',
  'education',
  'science',
  'culture',
  'health',
  'family',
] as const;
export const genderEqualityFieldSchema = z.enum(genderEqualityFields);
export type GenderEqualityField = z.infer<typeof genderEqualityFieldSchema>;

export const topicSchema = z.object({
  id: idSchema,
  spaceId: idSchema,
  key: z.string().regex(/^[a-z0-9-]{2,60}$/),
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  fields: z.array(genderEqualityFieldSchema).max(8),
  active: z.boolean(),
});
export type Topic = z.infer<typeof topicSchema>;

export const planSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  year: z.number().int().min(2000).max(2100),
  /** A plan for one topic; absent for the unit's overall plan. */
  topicId: idSchema.nullish(),
  targetSessions: z.number().int().nonnegative(),
  targetParticipantTurns: z.number().int().nonnegative(),
  note: shortTextSchema.nullish(),
});
export type Plan = z.infer<typeof planSchema>;
