// One photo: the thumbnail, its size after resizing, an editable caption (saved when the field is
// left, as a photo.put with the caption) and deletion behind a confirmation.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUserDb } from '#client/db/database.ts';
import { deletePhoto, putPhoto } from '#client/db/local-writes.ts';
import type { LocalPhoto } from '#client/db/local-rows.ts';
import { Button } from '#client/ui/button.tsx';
import { formatBytes, formatNumber } from '#client/ui/format.ts';
import { CheckIcon } from '#client/ui/icons.tsx';
import { usePhotoUrl } from '#client/ui/use-photo-url.ts';

export interface PhotoCardProps {
  photo: LocalPhoto;
  number: number;
  readOnly: boolean;
  onError: (error: unknown) => void;
}

export const PhotoCard = memo(function PhotoCard({ photo, number, readOnly, onError }: PhotoCardProps) {
  const { t } = useTranslation('photos');
  const url = usePhotoUrl(photo.id, 'log');
  const captionId = useId();
  const [caption, setCaption] = useState(photo.caption ?? '');
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function saveCaption() {
    const next = caption.trim();
    if (next === (photo.caption ?? '')) return;
    try {
      await putPhoto(getUserDb(), { id: photo.id, caption: next === '' ? null : next });
      setSaved(true);
    } catch (error) {
      onError(error);
    }
  }

  async function remove() {
    try {
      await deletePhoto(getUserDb(), photo.id);
    } catch (error) {
      setConfirming(false);
      onError(error);
    }
  }

  return (
    <li className="photo-card">
      <div className="photo-card__frame">
        {url && (
          <img
            className="photo-card__image"
            src={url}
            alt={photo.caption || t('alt', { n: number })}
            width={photo.width}
            height={photo.height}
            loading="lazy"
            decoding="async"
          />
        )}
      </div>
      <div className="photo-card__details">
        <p className="photo-card__size">
          <span>
            {t('size', {
              size: formatBytes(photo.bytes).replace(' ', '\u00a0'), // never break inside "253,2 kB"
              width: formatNumber(photo.width, { useGrouping: false }),
              height: formatNumber(photo.height, { useGrouping: false }),
            })}
          </span>
          {photo.pending && <span className="photo-card__pending">{t('unsynced')}</span>}
        </p>
        {readOnly ? (
          photo.caption && <p className="photo-card__caption">{photo.caption}</p>
        ) : (
          <div className="field photo-card__caption-field">
            <label className="field__label" htmlFor={captionId}>
              {t('caption', { n: number })}
            </label>
            <input
              id={captionId}
              className="field__input"
              maxLength={200}
              placeholder={t('captionPlaceholder')}
              value={caption}
              onChange={(event) => {
                setCaption(event.target.value);
                setSaved(false);
              }}
              onBlur={() => void saveCaption()}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
            />
            <p className="photo-card__saved" aria-live="polite">
              {saved && (
                <>
                  <CheckIcon size={18} />
                  {t('captionSaved')}
                </>
              )}
            </p>
          </div>
        )}
        {!readOnly &&
          (confirming ? (
            <div className="photo-card__confirm" role="alert">
              <p>{t('deleteConfirm', { n: number })}</p>
              <div className="button-row">
                <Button variant="danger" onClick={() => void remove()}>
                  {t('deleteConfirmAction')}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
              </div>
            </div>
          ) : (
            <Button
              className="photo-card__delete"
              aria-label={t('deleteLabel', { n: number })}
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </Button>
          ))}
      </div>
    </li>
  );
});
