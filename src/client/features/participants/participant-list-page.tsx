// The unit's participant registry.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function ParticipantListPage() {
  const { t } = useTranslation('participants');
  return (
    <Page title={t('list.title')}>
      <EmptyState title={t('list.empty')}>
        <p>{t('common:placeholder')}</p>
      </EmptyState>
    </Page>
  );
}
