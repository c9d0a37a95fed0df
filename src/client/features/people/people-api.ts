// The people API (/api/people, issue 13): likely duplicates with their evidence, recent merges, merging
// registrations of one person, and undoing a merge. Each answer is checked against the domain schema.
import { z } from 'zod';
import {
  duplicatesResponseSchema, mergeListSchema, mergeSummarySchema, type DuplicateGroup, type MergeListItem,
  type MergeSummary,
} from '../../../domain/schemas/people';
import { apiFetch } from '../../sync/api';

const mergeAnswer = z.object({ merge: mergeSummarySchema });

export async function loadDuplicates(signal?: AbortSignal): Promise<DuplicateGroup[]> {
  return (await apiFetch('/api/people/duplicates', { schema: duplicatesResponseSchema, signal })).groups;
}

export async function loadRecentMerges(signal?: AbortSignal): Promise<MergeListItem[]> {
  return (await apiFetch('/api/people/merges', { schema: mergeListSchema, signal })).merges;
}

export async function mergePeople(keptId: string, mergedIds: string[]): Promise<MergeSummary> {
  const body = { id: keptId, mergedIds };
  return (await apiFetch('/api/people/merges', { method: 'POST', body, schema: mergeAnswer })).merge;
}

export async function undoMerge(mergeId: string): Promise<MergeSummary> {
  return (await apiFetch(`/api/people/merges/${mergeId}/undo`, { method: 'POST', schema: mergeAnswer })).merge;
}
