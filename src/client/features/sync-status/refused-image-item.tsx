// An image the server refused for good, in the needs-attention list: which photo of which session,
// why in plain words, and two actions — send it again (the refusal is cleared and a sync starts), or
// discard the photo after a confirmation that says it leaves the session and this phone.
import { DiscardConfirm } from './discard-confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogbookDb } from '#client/db/database.ts';
import { discardRefusedImage, retryRefusedImage } from '#client/db/refused-images.ts';
import { requestSync } from '#client/sync/scheduler.ts';
import { Button } from '#client/ui/button.tsx';
import { AlertIcon } from '#client/ui/icons.tsx';
import { sessionLabel } from './describe-change';
import { imageRefusalReason } from './rejection-reason';
import type { RefusedImageFacts } from './use-attention';

export function RefusedImageItem({ db, image }: { db: LogbookDb; image: RefusedImageFacts }) {
  const { t } = useTranslation('sync');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const caption = typeof image.photo?.caption === 'string' ? image.photo.caption.trim() : '';
  const subject = caption ? t('what.photo', { caption }) : t('what.photoUntitled');

  // The item disappears once its image is no longer refused (the list is a live query).
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await action();
    } catch (error) {
      console.error('Could not act on a refused image', error);
      setFailed(true);
      setBusy(false);
    }
  };
  const retry = () =>
    act(async () => {
      await retryRefusedImage(db, image.id);
      void requestSync();
    });
  const discard = () => act(() => discardRefusedImage(db, image.id));

  return (
    <li className="attention-item">
      <h3 className="attention-item__what">{subject}</h3>
      {image.session && <p className="attention-item__meta">{sessionLabel(t, image.session)}</p>}
      <p className="attention-item__meta">{t('image.kind')}</p>
      <p className="attention-item__why">
        <AlertIcon size={20} />
        <span>
          <span className="visually-hidden">{t('attention.reason')}: </span>
          {imageRefusalReason(t, image.error)}
        </span>
      </p>
      {failed && <p role="alert">{t('image.failed')}</p>}
      {confirming ? (
        <DiscardConfirm
          question={t('image.discardQuestion')}
          consequence={t('image.discardConsequence')}
          confirmLabel={t('image.discardConfirm')}
          busy={busy}
          onConfirm={() => void discard()}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div className="button-row">
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => void retry()}
            aria-label={`${t('image.retry')}: ${subject}`}
          >
            {t('image.retry')}
          </Button>
          <Button
            disabled={busy}
            onClick={() => setConfirming(true)}
            aria-label={`${t('attention.discard')}: ${subject}`}
          >
            {t('attention.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}
