// The named roster of one session.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function RosterPage() {
  const { t } = useTranslation('attendance');
  const { id = '' } = useParams();
  return (
    <Page title={t('roster.title')} back={`/sessions/${id}`}>
      <EmptyState title={t('roster.empty')}>
        <p>{t('common:placeholder')}</p>
      </EmptyState>
    </Page>
  );
}
