// One participant and the sessions they attended.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function ParticipantPage() {
  const { t } = useTranslation('participants');
  return (
    <Page title={t('detail.title')} back="/participants">
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
