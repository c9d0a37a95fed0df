// Creates (/sessions/new) or edits (/sessions/:id) one session, saved as the trainer types.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';

export function SessionEditorPage() {
  const { t } = useTranslation('sessions');
  const { id } = useParams();
  return (
    <Page title={id ? t('editor.title') : t('editor.newTitle')} back="/sessions">
      <EmptyState title={t('common:placeholder')} />
    </Page>
  );
}
