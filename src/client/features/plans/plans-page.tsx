// Yearly plans per unit.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function PlansPage() {
  const { t } = useTranslation('plans');
  return (
    <Page title={t('title')} wide>
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
