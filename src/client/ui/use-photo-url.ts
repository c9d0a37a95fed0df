// Where to load a photo's image from: this device's copy when it has one (the trainer's own phone, or an
// image not uploaded yet) as an object URL revoked when the component goes away; otherwise the server
// (an <img> sends the sign-in cookie: same origin).
import { useEffect, useState } from 'react';
import { getUserDb } from '../db/database';
import { photoImage } from '../db/photo-blobs';

/**
 * What a failed read of this device's copy shows: the server's copy (`'server'`), or nothing, the
 * failure logged (`'log'`).
 */
export type PhotoReadFallback = 'server' | 'log';

const serverUrl = (photoId: string) => `/api/photos/${encodeURIComponent(photoId)}`;

/** Undefined until the local database has been asked. */
export function usePhotoUrl(photoId: string, onReadError: PhotoReadFallback): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | undefined;
    photoImage(getUserDb(), photoId).then(
      (blob) => {
        if (cancelled) return;
        if (blob) objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl ?? serverUrl(photoId));
      },
      (error: unknown) => {
        if (onReadError === 'log') console.error('Could not read a photo from the device', error);
        else if (!cancelled) setUrl(serverUrl(photoId));
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photoId, onReadError]);
  return url;
}
