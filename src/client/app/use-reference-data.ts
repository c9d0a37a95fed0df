// Units and topics from the local database, for organiser pickers and for naming report rows. They
// are pulled reference data, so pickers work offline; both lists are empty until the first pull.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalTopic, LocalUnit } from '../db/local-rows';
import { getUserDb } from '../db/database';
import { useAuth } from './auth-state';

export interface ReferenceData {
  units: readonly LocalUnit[];
  topics: readonly LocalTopic[];
  /** False until the first read of the local database has answered. */
  loaded: boolean;
}

const none: readonly never[] = [];

export function useReferenceData(): ReferenceData {
  const { user } = useAuth();
  const userId = user?.id;
  const data = useLiveQuery(async () => {
    if (!userId) return { units: none, topics: none };
    const db = getUserDb();
    const [units, topics] = await Promise.all([db.units.toArray(), db.topics.toArray()]);
    return { units, topics };
  }, [userId]);
  return { units: data?.units ?? none, topics: data?.topics ?? none, loaded: data !== undefined };
}
