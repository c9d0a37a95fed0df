// The oldest waiting session other than this one: where to go after a decision.
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb } from '../../db/database';
import { compareForTab } from './use-review-queue';

export function useNextInQueue(currentId: string): string | undefined {
  return useLiveQuery(async () => {
    const waiting = await getUserDb().sessions.where('status').equals('submitted').toArray();
    return waiting.filter((s) => s.id !== currentId).sort(compareForTab('submitted'))[0]?.id;
  }, [currentId]);
}
