// Where to load a photo from: this device's copy when it has one (the trainer's own tablet, or an
// image not uploaded yet), otherwise the server (an <img> sends the sign-in cookie: same origin).
import { useEffect, useState } from 'react';
import { getUserDb } from '../../db/database';
import { photoImage } from '../../db/photo-blobs';

/** Undefined until the local database has been asked. */
export function usePhotoSrc(photoId: string): string | undefined {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | undefined;
    photoImage(getUserDb(), photoId).then(
      (blob) => {
        if (cancelled) return;
        if (blob) objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl ?? `/api/photos/${encodeURIComponent(photoId)}`);
      },
      () => {
        if (!cancelled) setSrc(`/api/photos/${encodeURIComponent(photoId)}`);
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photoId]);
  return src;
}
