// The session's evidence photos: a grid of images at the page's width; a tap opens one full size over
// the page (Escape or the close button returns to where you were).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalPhoto } from '#client/db/local-rows.ts';
import { Card } from '#client/ui/card.tsx';
import { usePhotoUrl } from '#client/ui/use-photo-url.ts';

function PhotoImage({ photo, alt, className }: { photo: LocalPhoto; alt: string; className: string }) {
  const { t } = useTranslation('review');
  const src = usePhotoUrl(photo.id, 'server');
  const [failed, setFailed] = useState(false);
  if (failed) return <span className="review-photo__missing">{t('session.photoMissing')}</span>;
  if (!src)
    return <span className="review-photo__placeholder" style={{ aspectRatio: `${photo.width} / ${photo.height}` }} />;
  return (
    <img
      className={className}
      src={src}
      alt={alt}
      width={photo.width}
      height={photo.height}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

function PhotoViewer({ photo, n, onClose }: { photo: LocalPhoto; n: number; onClose: () => void }) {
  const { t } = useTranslation('review');
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      // The close button is the dialog's only control: keep focus on it, not on the page behind.
      if (event.key === 'Tab') {
        event.preventDefault();
        closeRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="review-viewer" role="dialog" aria-modal="true" aria-label={t('session.photoViewer', { n })}>
      <button ref={closeRef} type="button" className="button button--primary review-viewer__close" onClick={onClose}>
        {t('session.closePhoto')}
      </button>
      <figure className="review-viewer__figure">
        <PhotoImage
          photo={photo}
          alt={photo.caption || t('session.photoAlt', { n })}
          className="review-viewer__image"
        />
        {photo.caption && <figcaption>{photo.caption}</figcaption>}
      </figure>
    </div>
  );
}

export function SessionPhotos({ photos }: { photos: LocalPhoto[] }) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState<number | null>(null);
  const triggers = useRef<(HTMLButtonElement | null)[]>([]);
  const close = useCallback(() => {
    setOpen(null);
    if (open !== null) triggers.current[open]?.focus();
  }, [open]);
  const current = open === null ? undefined : photos[open];
  return (
    <Card title={t('session.photos')}>
      {photos.length === 0 ? (
        <p>{t('session.noPhotos')}</p>
      ) : (
        <ul className="review-photos">
          {photos.map((photo, index) => (
            <li key={photo.id} className="review-photo">
              <button
                ref={(element) => {
                  triggers.current[index] = element;
                }}
                type="button"
                className="review-photo__button"
                aria-label={t('session.enlarge', { n: index + 1 })}
                onClick={() => setOpen(index)}
              >
                <PhotoImage photo={photo} alt="" className="review-photo__image" />
              </button>
              {photo.caption && <p className="review-photo__caption">{photo.caption}</p>}
            </li>
          ))}
        </ul>
      )}
      {current && open !== null && <PhotoViewer photo={current} n={open + 1} onClose={close} />}
    </Card>
  );
}
