import { z } from 'zod';
import { idSchema } from './common';

export const roles = ['trainer', 'organiser', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);

/** The signed-in user as the API returns it (`{ user }`). */
export const userSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  displayName: z.string().min(1).max(120),
  role: roleSchema,
  unitId: idSchema,
  spaceId: idSchema,
  locale: localeSchema,
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const newPasswordSchema = z.string().min(8).max(200);

export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;
