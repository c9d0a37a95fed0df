// The trainer's home: their sessions, today / upcoming / past.
// Placeholder: an honest empty screen until the feature is built.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { PlusIcon } from '../../ui/icons';
import { Page } from '../../ui/page';

export function SessionListPage() {
  const { t } = useTranslation('sessions');
  return (
    <Page title={t('list.title')}>
      <EmptyState title={t('list.empty')}>
        <p>{t('common:placeholder')}</p>
      </EmptyState>
      <div className="thumb-action">
        <ButtonLink to="/sessions/new" variant="primary" block icon={<PlusIcon />}>
          {t('list.new')}
        </ButtonLink>
      </div>
    </Page>
  );
}
