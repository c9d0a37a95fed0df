// The people API (/api/people, issue 13): likely duplicates with their evidence and the recent merges, each
// answer checked against the domain schema. Merging and undoing are synced mutations (person.merge,
// person.unmerge, queued through client/db), not calls from here.
import {
  duplicatesResponseSchema,
  mergeListSchema,
  type DuplicateGroup,
  type MergeListItem,
} from '#domain/schemas/people';
import { apiFetch } from '#client/sync/api.ts';

export async function loadDuplicates(signal?: AbortSignal): Promise<DuplicateGroup[]> {
  return (await apiFetch('/api/people/duplicates', { schema: duplicatesResponseSchema, signal })).groups;
}

export async function loadRecentMerges(signal?: AbortSignal): Promise<MergeListItem[]> {
  return (await apiFetch('/api/people/merges', { schema: mergeListSchema, signal })).merges;
}
