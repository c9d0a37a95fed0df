// One session in the review queue: the whole row is the link to its review page (a large target on a
// tablet). Each fact carries its own words ("42 người", "3 ảnh"), so the row reads well aloud; the title is
// a heading under the page's, to move from row to row.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { formatLabel } from './labels';
import type { QueueTab } from './queue-filters';
import type { QueueRow as Row } from './use-review-queue';

function dateRange(start: string, end: string): string {
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}

export function QueueRow({ row, tab }: { row: Row; tab: QueueTab }) {
  const { t } = useTranslation('review');
  const { session } = row;
  const when = tab === 'submitted' ? session.submittedAt : session.reviewedAt;
  const whenKey =
    tab === 'submitted' ? 'queue.submittedOn' : tab === 'approved' ? 'queue.approvedOn' : 'queue.returnedOn';
  return (
    <li className="review-row">
      <Link className="review-row__link" to={`/review/${session.id}`}>
        <span className="review-row__date">{dateRange(session.startDate, session.endDate)}</span>
        <span className="review-row__main">
          <span className="review-row__title" role="heading" aria-level={2}>
            {session.title || t('queue.untitled')}
          </span>
          <span className="review-row__meta">
            {formatLabel(t, session.format)} · {row.trainerName ?? t('queue.unknownTrainer')}
          </span>
        </span>
        <span className="review-row__unit">{row.unitShortName ?? t('queue.unknownUnit')}</span>
        <span className="review-row__counts">
          <span className="review-row__count">
            {t('queue.people', { count: row.people, n: formatNumber(row.people) })}
          </span>
          {session.attendanceMode === 'headcount' && (
            <span className="review-row__mode">({t('queue.headcountShort')})</span>
          )}
          <span className="review-row__count">
            {t('queue.photos', { count: row.photos, n: formatNumber(row.photos) })}
          </span>
        </span>
        {when && <span className="review-row__when">{t(whenKey, { date: formatDate(when) })}</span>}
        {tab === 'returned' && session.reviewComment && (
          <span className="review-row__comment">{session.reviewComment}</span>
        )}
      </Link>
    </li>
  );
}
