// One session in the review queue: the whole row is the link to its review page (a large target on a
// tablet). Each fact carries its own words ("42 người", "3 ảnh"), so the row reads well aloud; the title is
// a heading under the page's, to move from row to row.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { formatLabel } from './labels';
import type { QueueTab } from './queue-filters';
import type { QueueRow as Row } from './use-review-queue';

function dateRange(start: string, end: string): string {
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}

interface QueueRowProps {
  row: Row;
  tab: QueueTab;
}

/**
 * The queue is read again after every pull page, with new objects for every row: a row whose shown facts are the
 * same is not rendered again (the first sync lands a page every few seconds on a phone).
 */
export const QueueRow = memo(QueueRowView, (a, b) => a.tab === b.tab && sameFacts(a.row, b.row));

function sameFacts(a: Row, b: Row): boolean {
  const keys = [
    'id',
    'startDate',
    'endDate',
    'title',
    'format',
    'attendanceMode',
    'submittedAt',
    'reviewedAt',
  ] as const;
  return (
    a.trainerName === b.trainerName &&
    a.unitShortName === b.unitShortName &&
    a.people === b.people &&
    a.photos === b.photos &&
    a.session.reviewComment === b.session.reviewComment &&
    keys.every((key) => a.session[key] === b.session[key])
  );
}

function QueueRowView({ row, tab }: QueueRowProps) {
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
