// What is waiting to be sent, what needs attention, and a sync-now button.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function SyncPage() {
  const { t } = useTranslation('sync');
  return (
    <Page title={t('title')}>
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
