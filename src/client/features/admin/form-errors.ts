// Errors on admin forms as sentences: a field the domain schema refused gets its field's sentence
// (admin:errors.<field>); a refusal from the server that names fields is shown on those fields too.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiRequestError } from '#client/sync/api.ts';

/** Server reasons that have their own sentence, by field and reason. */
const reasonKeys: Record<string, string> = {
  'username:taken': 'errors.usernameTaken',
  'key:taken': 'errors.keyTaken',
  'disabled:self': 'errors.self',
  'role:self': 'errors.self',
  'unitId:other_space': 'errors.otherSpace',
};

/** The locale key for a field's error, or null. */
export function fieldErrorKey(field: string, reason: string | undefined): string | null {
  if (!reason) return null;
  return reasonKeys[`${field}:${reason}`] ?? `errors.${field}`;
}

/** Marks the fields a server refusal names; true when it named at least one the form has. */
export function showServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!(error instanceof ApiRequestError) || !error.fields) return false;
  let shown = false;
  for (const [field, reason] of Object.entries(error.fields)) {
    if (!(fields as readonly string[]).includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message: reason });
    shown = true;
  }
  return shown;
}

/** The sentence for one field of a react-hook-form error map, or null when the field is fine. */
export function fieldErrorText(
  t: (key: string) => string,
  errors: Partial<Record<string, { type?: unknown; message?: string }>>,
  field: string,
): string | null {
  const error = errors[field];
  if (!error) return null;
  return t((error.type === 'server' ? fieldErrorKey(field, error.message) : null) ?? `errors.${field}`);
}
