// Any address the app does not know, inside the signed-in frame.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/button-link';
import { EmptyState } from '../ui/empty-state';
import { Page } from '../ui/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <EmptyState
        title={t('notFound.body')}
        action={
          <ButtonLink to="/" variant="primary">
            {t('notFound.home')}
          </ButtonLink>
        }
      />
    </Page>
  );
}
