// The photos of one session.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function PhotosPage() {
  const { t } = useTranslation('photos');
  const { id = '' } = useParams();
  return (
    <Page title={t('title')} back={`/sessions/${id}`}>
      <EmptyState title={t('empty')}>
        <p>{t('common:placeholder')}</p>
      </EmptyState>
    </Page>
  );
}
