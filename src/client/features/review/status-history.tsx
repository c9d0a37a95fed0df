// The session's history as the record holds it: created, submitted (or submitted again after a
// return), and the organiser's decision with who made it, when, and the comment. Instants are the
// server's; a review made on this device shows the device's time until it syncs.
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../ui/format';
import type { ReviewSessionData } from './use-review-session';

interface HistoryEvent {
  at: string;
  labelKey: string;
  who?: string;
  comment?: string;
}

export function historyEvents({ session, trainer, reviewer }: ReviewSessionData): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  if (session.createdAt) events.push({ at: session.createdAt, labelKey: 'session.historyCreated', who: trainer?.displayName });
  const { submittedAt, reviewedAt } = session;
  if (reviewedAt) {
    // Approval is final, so a review of a session that is not approved was a return.
    events.push({
      at: reviewedAt,
      labelKey: session.status === 'approved' ? 'session.historyApproved' : 'session.historyReturned',
      who: reviewer?.displayName,
      comment: session.reviewComment ?? undefined,
    });
  }
  if (submittedAt) {
    const again = reviewedAt !== null && reviewedAt !== undefined && submittedAt > reviewedAt;
    events.push({
      at: submittedAt,
      labelKey: again ? 'session.historyResubmitted' : 'session.historySubmitted',
      who: trainer?.displayName,
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

export function StatusHistory({ data }: { data: ReviewSessionData }) {
  const { t } = useTranslation('review');
  const events = historyEvents(data);
  if (events.length === 0) return null;
  return (
    <Card title={t('session.history')}>
      <ol className="review-history">
        {events.map((event) => (
          <li key={`${event.labelKey}-${event.at}`} className="review-history__item">
            <time dateTime={event.at} className="review-history__time">
              {formatDateTime(event.at)}
            </time>
            <span className="review-history__what">
              {t(event.labelKey)}
              {event.who && <> · {t('session.historyBy', { name: event.who })}</>}
            </span>
            {event.comment && (
              <span className="review-history__comment">{t('session.historyComment', { comment: event.comment })}</span>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
