// Errors are data: a code the client maps to a translated sentence, a developer message, and per-field detail.
import { z } from 'zod';

export const errorCodes = [
  'invalid',
  'invalid_json',
  'invalid_credentials',
  'unauthorized',
  'forbidden',
  'csrf',
  'not_found',
  'too_large',
  'rate_limited',
  'out_of_order',
  'session_locked',
  'invalid_transition',
  'duplicate_attendance',
  'incomplete',
  'checksum_mismatch',
  'conflict',
  'unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Field path (dot-joined) → a short machine-readable reason such as `too_small` or `required`. */
export const fieldErrorsSchema = z.record(z.string(), z.string());
export type FieldErrors = z.infer<typeof fieldErrorsSchema>;

export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: fieldErrorsSchema.optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorBodySchema = z.object({ error: apiErrorSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns a zod failure into the `fields` map of an API error. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.code === 'custom' ? issue.message || 'custom' : issue.code;
  }
  return fields;
}
