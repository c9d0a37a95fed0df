// Turns any failure into the locale key of a sentence that says what to do: the server's error code
// when it answered (`common:errors.<code>`), "no connection" when it did not, "unknown" otherwise.
import { errorCodes } from '#domain/schemas/error';
import { ApiRequestError, NetworkError } from '../sync/api';

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

export function errorMessageKey(error: unknown): string {
  if (error instanceof NetworkError) return 'common:errors.network';
  if (error instanceof ApiRequestError && knownCodes.has(error.code)) return `common:errors.${error.code}`;
  return 'common:errors.unknown';
}
