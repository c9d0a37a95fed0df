// The signed-in user's own unit from the local database (it arrives with the first pull, so it may
// be missing until then: callers fall back to the app's name).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Unit } from '#domain/schemas/reference';
import { getUserDb } from '../db/database';
import { useAuth } from './auth-state';

export function useOwnUnit(): Unit | undefined {
  const { user } = useAuth();
  const userId = user?.id;
  const unitId = user?.unitId;
  return useLiveQuery(async () => {
    if (!userId || !unitId) return undefined;
    return getUserDb().units.get(unitId);
  }, [userId, unitId]);
}
