// The photos page's reads: the session and its photos (by the `sessionId` index, oldest first so their
// numbers stay put).
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb } from '#client/db/database.ts';
import type { LocalPhoto, LocalSession } from '#client/db/local-rows.ts';

export function useSession(sessionId: string): LocalSession | null | undefined {
  return useLiveQuery(async () => (await getUserDb().sessions.get(sessionId)) ?? null, [sessionId]);
}

export function useSessionPhotos(sessionId: string): LocalPhoto[] | undefined {
  return useLiveQuery(async () => {
    const photos = await getUserDb().photos.where('sessionId').equals(sessionId).toArray();
    return photos.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }, [sessionId]);
}
