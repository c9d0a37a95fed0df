// A refused merge or undo as a sentence that says what to do: the people-specific reasons first (records
// of different units answering ethnicity differently, a later merge to undo first), else the common ones.
import { ApiRequestError } from '../../sync/api';
import { errorMessageKey } from '../../ui/error-message';

export function mergeErrorKey(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.fields?.ethnicity === 'differs_across_units') return 'people:errors.ethnicityDiffers';
    if (error.fields?.mergeId === 'undone') return 'people:errors.alreadyUndone';
    if (error.code === 'conflict' && error.fields?.mergeId) return 'people:errors.undoLaterFirst';
    if (error.code === 'conflict') return 'people:errors.changed';
    if (error.code === 'forbidden') return 'people:errors.forbidden';
  }
  return errorMessageKey(error);
}
