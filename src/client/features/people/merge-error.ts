// A refused merge or undo as a sentence that says what to do: the people-specific reasons first (records
// of different units answering ethnicity differently, a later merge to undo first), else the common ones.
// The same sentence whether the server refused it at once or as a synced mutation (docs/sync.md §5).
import { MutationError } from '#domain/mutators/mutation-error';
import { errorCodes, type ApiError } from '#domain/schemas/error';
import { ApiRequestError } from '#client/sync/api.ts';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { mergeRefusalKey } from '#client/ui/merge-refusal.ts';

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

/** The sentence's locale key for a refusal's code and fields. */
export function refusalKey({ code, fields }: Pick<ApiError, 'code' | 'fields'>): string {
  const mergeKey = mergeRefusalKey({ code, fields });
  if (mergeKey) return mergeKey;
  if (code === 'conflict') return 'people:errors.changed';
  if (code === 'forbidden') return 'people:errors.forbidden';
  return knownCodes.has(code) ? `common:errors.${code}` : 'common:errors.unknown';
}

export function mergeErrorKey(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof MutationError) return refusalKey(error);
  return errorMessageKey(error);
}
