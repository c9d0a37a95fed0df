// The photos page's reads: the session, its photos (by the `sessionId` index, oldest first so their
// numbers stay put), and a displayable URL for one photo's stored image.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getUserDb } from '../../db/database';
import type { LocalPhoto, LocalSession } from '../../db/local-rows';
import { photoImage } from '../../db/photo-blobs';

export function useSession(sessionId: string): LocalSession | null | undefined {
  return useLiveQuery(async () => (await getUserDb().sessions.get(sessionId)) ?? null, [sessionId]);
}

export function useSessionPhotos(sessionId: string): LocalPhoto[] | undefined {
  return useLiveQuery(async () => {
    const photos = await getUserDb().photos.where('sessionId').equals(sessionId).toArray();
    return photos.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }, [sessionId]);
}

/**
 * An object URL for the image stored on this device, revoked when the card goes away; the server's
 * copy when this device does not have it (a photo pulled from another device).
 */
export function usePhotoUrl(photoId: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | undefined;
    photoImage(getUserDb(), photoId).then(
      (blob) => {
        if (cancelled) return;
        if (blob) {
          objectUrl = URL.createObjectURL(blob);
          setUrl(objectUrl);
        } else {
          setUrl(`/api/photos/${encodeURIComponent(photoId)}`);
        }
      },
      (error: unknown) => console.error('Could not read a photo from the device', error),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photoId]);
  return url;
}
