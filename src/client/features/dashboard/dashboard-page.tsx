// Key figures and charts for a period and a unit subtree.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  return (
    <Page title={t('title')} wide>
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
