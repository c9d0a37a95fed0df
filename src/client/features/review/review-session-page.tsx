// Everything recorded for one session, with approve and return.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function ReviewSessionPage() {
  const { t } = useTranslation('review');
  return (
    <Page title={t('session.title')} back="/review" wide>
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
