// The sentence for a failed local write: the device refuses with the server's error codes
// (MutationError), so both map to the same `common:errors.<code>` key.
import { MutationError } from '#domain/mutators/mutation-error';
import { errorMessageKey } from '../error-message';

export function saveErrorKey(error: unknown): string {
  if (error instanceof MutationError) return `common:errors.${error.code}`;
  return errorMessageKey(error);
}
