// The oldest waiting session other than this one: where to go after a decision.
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb } from '#client/db/database.ts';
import { compareForTab, firstInTab } from './use-review-queue';

export function useNextInQueue(currentId: string): string | undefined {
  return useLiveQuery(async () => {
    const db = getUserDb();
    const first = await firstInTab(db, 'submitted', 2, await db.sessions.where('status').equals('submitted').count());
    if (first) return first.find((s) => s.id !== currentId)?.id;
    const waiting = await db.sessions.where('status').equals('submitted').toArray();
    return waiting.filter((s) => s.id !== currentId).sort(compareForTab('submitted'))[0]?.id;
  }, [currentId]);
}
