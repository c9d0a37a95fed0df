// The photos of one session (/sessions/:id/photos): take or pick pictures, which are resized on the
// device (≤ 1600 px, ≤ 300 KB) before they are stored; thumbnails with their size and an editable
// caption; deletion with confirmation. An approved session's photos are view-only.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isTrainerContentLocked } from '#domain/rules/session-status';
import { getUserDb } from '#client/db/database.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import { Banner } from '#client/ui/banner.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { addPhotos } from './add-photos';
import { PhotoCard } from './photo-card';
import { PhotoPickers } from './photo-pickers';
import { useSession, useSessionPhotos } from './use-photos';
import './photos.css';

type Notice = { tone: 'success' | 'danger'; text: string } | null;

export function PhotosPage() {
  const { t } = useTranslation('photos');
  const { id = '' } = useParams();
  const session = useSession(id);
  const photos = useSessionPhotos(id);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const showError = useCallback(
    (error: unknown) => {
      const key = error instanceof MutationError ? `common:errors.${error.code}` : errorMessageKey(error);
      setNotice({ tone: 'danger', text: t(key) });
    },
    [t],
  );

  async function add(files: File[]) {
    setBusy(true);
    setNotice(null);
    try {
      const { added, failed } = await addPhotos(getUserDb(), id, files);
      if (failed.length > 0) setNotice({ tone: 'danger', text: t('unreadable', { names: failed.join(', ') }) });
      else setNotice({ tone: 'success', text: t('added', { count: added, n: formatNumber(added) }) });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  const back = `/sessions/${id}`;
  if (session === undefined || photos === undefined) {
    return (
      <Page title={t('title')} back={back}>
        <Loading />
      </Page>
    );
  }
  if (session === null) {
    return (
      <Page title={t('title')} back="/sessions">
        <EmptyState title={t('sessionMissing')} action={<ButtonLink to="/sessions">{t('toSessions')}</ButtonLink>} />
      </Page>
    );
  }
  const readOnly = isTrainerContentLocked(session.status);
  const when = formatDate(session.startDate);
  return (
    <Page title={t('title')} back={back}>
      <p className="photos-page__session">{session.title ? `${session.title} · ${when}` : when}</p>
      {readOnly ? (
        <Banner tone="info">{t('locked')}</Banner>
      ) : (
        <>
          <PhotoPickers disabled={busy} onFiles={(files) => void add(files)} />
          <p className="photos-page__hint">{t('hint')}</p>
        </>
      )}
      <div aria-live="polite">
        {busy && <p className="photos-page__busy">{t('processing')}</p>}
        {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
      </div>
      {photos.length === 0 ? (
        <EmptyState title={t('empty')}>{!readOnly && <p>{t('emptyHint')}</p>}</EmptyState>
      ) : (
        <>
          <p className="photos-page__count">{t('count', { count: photos.length, n: formatNumber(photos.length) })}</p>
          <ul className="photo-grid" aria-label={t('listLabel')}>
            {photos.map((photo, index) => (
              <PhotoCard key={photo.id} photo={photo} number={index + 1} readOnly={readOnly} onError={showError} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
