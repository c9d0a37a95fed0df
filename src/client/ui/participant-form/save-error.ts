// The sentence for a failed local write: the device refuses with the server's error codes
// (LocalWriteError), so both map to the same `common:errors.<code>` key.
import { LocalWriteError } from '../../db/local-write-error';
import { errorMessageKey } from '../error-message';

export function saveErrorKey(error: unknown): string {
  if (error instanceof LocalWriteError) return `common:errors.${error.code}`;
  return errorMessageKey(error);
}
