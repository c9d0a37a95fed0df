// The refusals only a merge of people or its undo gives (docs/sync.md §5) as locale keys of the `people`
// namespace, or undefined for any other refusal. The duplicates page and the sync page both read them, so a
// refused merge says the same thing wherever the organiser meets it.
import type { ApiError } from '#domain/schemas/error';

export function mergeRefusalKey({ code, fields }: Pick<ApiError, 'code' | 'fields'>): string | undefined {
  if (fields?.ethnicity === 'differs_across_units') return 'people:errors.ethnicityDiffers';
  if (fields?.mergeId === 'undone') return 'people:errors.alreadyUndone';
  if (code === 'conflict' && fields?.mergeId) return 'people:errors.undoLaterFirst';
  return undefined;
}
