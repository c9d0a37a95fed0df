// Locale keys for what went wrong, in the trainer's language: a field the schema refuses, or a
// local write that failed (the device refused it the way the server would, or storage failed).
import type { FieldError } from 'react-hook-form';
import { MutationError } from '#domain/mutators/mutation-error';

const ruleMessages = new Set(['women_over_total', 'ethnic_minority_over_total', 'end_before_start']);
const issueCodes = new Set(['too_big', 'too_small', 'invalid_format', 'invalid_type']);

/** `sessions:` key of the sentence for a field error, or null when there is none. */
export function fieldErrorKey(error: Pick<FieldError, 'type' | 'message'> | undefined): string | null {
  if (!error) return null;
  if (error.message && ruleMessages.has(error.message)) return `sessions:fieldErrors.${error.message}`;
  if (error.type && issueCodes.has(String(error.type))) return `sessions:fieldErrors.${String(error.type)}`;
  return 'sessions:fieldErrors.invalid';
}

/** The key of the sentence for a failed write. */
export function writeErrorKey(error: unknown): string {
  if (error instanceof MutationError) return `common:errors.${error.code}`;
  if (error instanceof Error && /quota/i.test(error.name + error.message)) return 'sessions:errors.storageFull';
  return 'sessions:errors.storage';
}
