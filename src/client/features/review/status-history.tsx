// The session's history as the record holds it: created, submitted (or submitted again after a
// return), and the organiser's decision with who made it, when, and the comment. What the trainer did is
// shown at the device's clock (the mutation's `clientAt`, docs/sync.md §1), marked as such: work recorded
// offline reaches the server days later, and the server's instants would all read as the sync's time. When
// the server received it later than that, its time is shown beside. The organiser's decision is at the
// server's time; a review made on this device shows the device's time until it syncs.
import { useTranslation } from 'react-i18next';
import { Card } from '#client/ui/card.tsx';
import { formatDateTime } from '#client/ui/format.ts';
import type { ReviewSessionData } from './use-review-session';

export interface HistoryEvent {
  /** The instant the event is ordered by: the server's when known. */
  at: string;
  /** The trainer's device clock when they did it, if the record kept it. */
  deviceAt?: string;
  /** The server's instant, shown beside the device's when it came noticeably later. */
  receivedAt?: string;
  labelKey: string;
  who?: string;
  comment?: string;
}

/** A sync within this long of the device's time is not worth a second time. */
const RECEIVED_LATER_MS = 5 * 60_000;

function trainerEvent(serverAt: string | null | undefined, deviceAt: string | null | undefined) {
  const at = serverAt ?? deviceAt;
  if (!at) return undefined;
  if (!deviceAt) return { at };
  const later =
    serverAt !== null && serverAt !== undefined && Date.parse(serverAt) - Date.parse(deviceAt) > RECEIVED_LATER_MS;
  return { at, deviceAt, ...(later ? { receivedAt: serverAt } : {}) };
}

export function historyEvents({ session, trainer, reviewer }: ReviewSessionData): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const created = trainerEvent(session.createdAt, session.createdClientAt);
  if (created) events.push({ ...created, labelKey: 'session.historyCreated', who: trainer?.displayName });
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
  const submitted = trainerEvent(submittedAt, session.submittedClientAt);
  if (submitted) {
    const again = reviewedAt !== null && reviewedAt !== undefined && submitted.at > reviewedAt;
    events.push({
      ...submitted,
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
            <span className="review-history__time">
              <time dateTime={event.deviceAt ?? event.at}>{formatDateTime(event.deviceAt ?? event.at)}</time>
              {event.deviceAt && <> · {t('session.historyDeviceClock')}</>}
            </span>
            <span className="review-history__what">
              {t(event.labelKey)}
              {event.who && <> · {t('session.historyBy', { name: event.who })}</>}
            </span>
            {event.receivedAt && (
              <span className="review-history__received">
                {t('session.historyReceived')}{' '}
                <time dateTime={event.receivedAt}>{formatDateTime(event.receivedAt)}</time>
              </span>
            )}
            {event.comment && (
              <span className="review-history__comment">{t('session.historyComment', { comment: event.comment })}</span>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
