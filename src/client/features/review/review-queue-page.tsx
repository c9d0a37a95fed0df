// The organiser's queue of submitted sessions, oldest first.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  return (
    <Page title={t('queue.title')} wide>
      <EmptyState title={t('queue.empty')}>
        <p>{t('common:placeholder')}</p>
      </EmptyState>
    </Page>
  );
}
