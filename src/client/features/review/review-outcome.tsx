// After a decision: the session's new status, and whether the decision has reached the server
// ("Sẽ gửi khi có mạng" while offline). The row's `pending`/`rejected` markers say so.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LocalSession } from '#client/db/local-rows.ts';
import { Banner } from '#client/ui/banner.tsx';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';

export function ReviewOutcome({ session }: { session: LocalSession }) {
  const { t } = useTranslation('review');
  const online = useOnlineStatus();
  const approved = session.status === 'approved';
  if (session.rejected) {
    return (
      <Banner tone="danger" action={<Link to="/sync">{t('session.toSync')}</Link>}>
        {t('review.refused')}
      </Banner>
    );
  }
  const delivery = !session.pending ? t('review.sent') : online ? t('review.waiting') : t('review.willSend');
  return (
    <Banner tone={approved ? 'success' : 'warning'}>
      <strong>{approved ? t('review.approved') : t('review.returned')}</strong> {delivery}
    </Banner>
  );
}
