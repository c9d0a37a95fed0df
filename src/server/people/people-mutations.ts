// person.merge and person.unmerge as synced mutations (issue 13, docs/sync.md §5): the same merge and undo as
// POST /api/people/merges and /merges/:id/undo, run in the push transaction. A PeopleRefusal becomes the
// mutation's refusal with the code the endpoint answers (403 → `forbidden`, 409 → `conflict`, 404 →
// `not_found`, 400 → `invalid`), so the organiser's device shows the same sentence either way.
import type { MergeSummary } from '#domain/schemas/people';
import type { MutationArgs } from '#domain/schemas/sync';
import { mergePeople, type PeopleWriteContext } from './merge-people';
import { undoMerge } from './undo-merge';

export type PeopleMutationName = 'person.merge' | 'person.unmerge';

export function isPeopleMutation(name: string): name is PeopleMutationName {
  return name === 'person.merge' || name === 'person.unmerge';
}

export function applyPeopleMutation<N extends PeopleMutationName>(
  ctx: PeopleWriteContext,
  name: N,
  args: MutationArgs<N>,
): Promise<MergeSummary> {
  if (name === 'person.merge') return mergePeople(ctx, args as MutationArgs<'person.merge'>);
  const { id, mergeId } = args;
  return undoMerge(ctx, mergeId, id);
}
