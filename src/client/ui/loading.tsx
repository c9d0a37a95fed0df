// What shows while a screen's code or the local database is being opened (usually a blink: every
// chunk is precached).
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status">
      {t('status.loading')}
    </p>
  );
}
