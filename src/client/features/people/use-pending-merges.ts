// The organiser's merges and undos not yet settled with the server (issue 13): person.merge and person.unmerge
// entries of this device's outbox, waiting to be sent or refused, read live so the screen follows the sync.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ApiError } from '#domain/schemas/error';
import { getUserDb } from '#client/db/database.ts';

export interface PendingMerge {
  mutationId: number;
  kind: 'merge' | 'unmerge';
  keptId: string;
  mergeId: string;
  mergedIds: string[];
  /** `waiting`: not yet answered by the server; `refused`: with the server's reason. */
  state: 'waiting' | 'refused';
  error?: ApiError;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function usePendingMerges(): PendingMerge[] {
  return (
    useLiveQuery(async () => {
      const entries = await getUserDb()
        .outbox.filter((e) => e.name === 'person.merge' || e.name === 'person.unmerge')
        .sortBy('id');
      // An applied entry is settled: the pull that follows removes it and brings the result.
      return entries
        .filter((e) => e.status !== 'applied')
        .map((e): PendingMerge => ({
          mutationId: e.id,
          kind: e.name === 'person.merge' ? 'merge' : 'unmerge',
          keptId: e.args.id,
          mergeId: text(e.args.mergeId),
          mergedIds: Array.isArray(e.args.mergedIds) ? e.args.mergedIds.map(text) : [],
          state: e.status === 'rejected' ? 'refused' : 'waiting',
          ...(e.error ? { error: e.error } : {}),
        }));
    }, []) ?? []
  );
}
