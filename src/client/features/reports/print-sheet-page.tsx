// A printable A4 attendance sheet for one session.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function PrintSheetPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  return (
    <Page title={t('print.title')} back={`/review/${id}`} wide>
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
