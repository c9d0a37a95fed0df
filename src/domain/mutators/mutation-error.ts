// A mutation refused by its rule: the same code, message and fields whether the device or the server
// refuses it, so the trainer reads the same sentence before a sync as after one.
import type { z } from 'zod';
import { fieldErrorsFrom, type ErrorCode, type FieldErrors } from '../schemas/error';

export class MutationError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'MutationError';
    this.code = code;
    this.fields = fields;
  }
}

/** Zod issues as `fields`; unknown keys are named one by one, so "status: unrecognized" says what to remove. */
export function refusalFields(error: z.ZodError): FieldErrors {
  // Entries, not assignments: a key named `__proto__` must stay a plain key.
  const unknownKeys = error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [];
    const prefix = issue.path.map(String).join('.');
    return issue.keys.map((key) => [prefix ? `${prefix}.${key}` : key, 'unrecognized'] as const);
  });
  return Object.fromEntries([...Object.entries(fieldErrorsFrom(error)), ...unknownKeys]);
}

/** Parses `value` with `schema`, or refuses the mutation as `invalid` with the fields at fault. */
export function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message = 'The record is not valid',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new MutationError('invalid', message, refusalFields(result.error));
  return result.data;
}

export function notFound(field = 'id'): MutationError {
  return new MutationError('not_found', 'No such record', { [field]: 'not_found' });
}
