// Requests and answers of the admin API (/api/admin: users, units, topics, plans, audit; docs/api.md).
// Create bodies are whole records minus what the server sets; update bodies are partial patches of the
// fields that may change (a topic's key, a plan's unit/year/topic are identities and never change).
import { z } from 'zod';
import { localeSchema, newPasswordSchema, roleSchema, userSchema, usernameSchema } from './auth';
import { idSchema, instantSchema } from './common';
import { planSchema, topicSchema, unitSchema } from './reference';

/** `?spaceId=` narrows an admin's list of users, units or topics to one space. */
export const spaceFilterQuerySchema = z.object({ spaceId: idSchema.optional() });

const nonEmptyPatch = (value: object) => Object.keys(value).length > 0;
const emptyPatch = { message: 'empty_patch' };

/** A user as the admin API shows it: the domain user plus whether it may sign in. Never a password hash. */
export const adminUserSchema = userSchema.extend({
  disabled: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type AdminUser = z.infer<typeof adminUserSchema>;

const displayNameSchema = z.string().trim().min(1).max(120);

export const userCreateRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitId: idSchema,
    locale: localeSchema.default('vi'),
    password: newPasswordSchema,
  })
  .strict();
export type UserCreateRequest = z.infer<typeof userCreateRequestSchema>;

/** `password` resets it; `disabled: true` also signs the user out everywhere. */
export const userUpdateRequestSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    unitId: idSchema.optional(),
    locale: localeSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .strict()
  .refine(nonEmptyPatch, emptyPatch);
export type UserUpdateRequest = z.infer<typeof userUpdateRequestSchema>;

/** `parentId: null` creates a provincial federation, and with it a new space. */
export const unitCreateRequestSchema = unitSchema
  .pick({ parentId: true, kind: true, name: true, shortName: true, provinceCode: true })
  .strict();
export type UnitCreateRequest = z.infer<typeof unitCreateRequestSchema>;

/** A unit may move under another parent of the same space; it never changes space. */
export const unitUpdateRequestSchema = unitSchema
  .pick({ parentId: true, kind: true, name: true, shortName: true, provinceCode: true, active: true })
  .partial()
  .strict()
  .refine(nonEmptyPatch, emptyPatch);
export type UnitUpdateRequest = z.infer<typeof unitUpdateRequestSchema>;

/** `spaceId` defaults to the caller's space; organisers may only name their own. */
export const topicCreateRequestSchema = topicSchema
  .pick({ key: true, nameVi: true, nameEn: true })
  .extend({ fields: topicSchema.shape.fields.default([]), spaceId: idSchema.optional() })
  .strict();
export type TopicCreateRequest = z.infer<typeof topicCreateRequestSchema>;

export const topicUpdateRequestSchema = topicSchema
  .pick({ nameVi: true, nameEn: true, fields: true, active: true })
  .partial()
  .strict()
  .refine(nonEmptyPatch, emptyPatch);
export type TopicUpdateRequest = z.infer<typeof topicUpdateRequestSchema>;

/** Creates the plan of (unitId, year, topicId), or replaces its targets when it exists. */
export const planUpsertRequestSchema = planSchema.omit({ id: true }).strict();
export type PlanUpsertRequest = z.infer<typeof planUpsertRequestSchema>;

export const planUpdateRequestSchema = planSchema
  .pick({ targetSessions: true, targetParticipantTurns: true, note: true })
  .partial()
  .strict()
  .refine(nonEmptyPatch, emptyPatch);
export type PlanUpdateRequest = z.infer<typeof planUpdateRequestSchema>;

export const plansQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: idSchema.optional(),
});

/** A plan as the admin API answers it. */
export const planRecordSchema = planSchema.extend({
  spaceId: idSchema,
  topicId: idSchema.nullable(),
  note: z.string().nullable(),
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries with a smaller id than this one: pass the previous page's `nextBefore`. */
  before: z.coerce.number().int().positive().optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: instantSchema,
  userId: idSchema.nullable(),
  username: z.string().nullable(),
  spaceId: idSchema.nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const usersListSchema = z.object({ users: z.array(adminUserSchema) });
export const unitsListSchema = z.object({ units: z.array(unitSchema) });
export const topicsListSchema = z.object({ topics: z.array(topicSchema) });
export const plansListSchema = z.object({ plans: z.array(planRecordSchema) });
