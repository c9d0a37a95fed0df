// One session in the trainer's list: date, title, place, people, and its state in words. The whole
// card is the link to the editor (one large target for a thumb); its title is a heading under the section's.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { ParticipantsIcon } from '#client/ui/icons.tsx';
import { chipsOf } from './session-groups';
import { StatusChip } from './status-chip';
import type { SessionListItem } from './use-session-list';

const cardDate: Intl.DateTimeFormatOptions = { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' };

export function sessionDates(startDate: string, endDate: string): string {
  const start = formatDate(startDate, cardDate);
  return endDate === startDate ? start : `${start} – ${formatDate(endDate, cardDate)}`;
}

/** What a card shows of its session: the fields below and chipsOf's. */
const shownFields = [
  'id',
  'title',
  'startDate',
  'endDate',
  'communeName',
  'placeName',
  'status',
  'reviewComment',
  'pending',
  'rejected',
] as const satisfies readonly (keyof SessionListItem['session'])[];

/**
 * Whether two items draw the same card. The list reads its sessions afresh after every change to the table
 * (a pull page of thousands of rows), as new objects: a card whose shown fields did not change is not drawn again.
 */
export function sameCard(a: SessionListItem, b: SessionListItem): boolean {
  return a.people === b.people && shownFields.every((field) => a.session[field] === b.session[field]);
}

export const SessionCard = memo(
  function SessionCard({ item }: { item: SessionListItem }) {
    const { t } = useTranslation('sessions');
    const { session, people } = item;
    const place = [session.communeName, session.placeName].filter(Boolean).join(' · ');
    const title = session.title.trim();
    return (
      <Link to={`/sessions/${session.id}`} className="session-card">
        <span className="session-card__date">{sessionDates(session.startDate, session.endDate)}</span>
        <span
          className={title ? 'session-card__title' : 'session-card__title session-card__title--empty'}
          role="heading"
          aria-level={3}
        >
          {title || t('list.untitled')}
        </span>
        {place && <span className="session-card__place">{place}</span>}
        {session.status === 'returned' && session.reviewComment && (
          <span className="session-card__comment">{t('list.comment', { comment: session.reviewComment })}</span>
        )}
        <span className="session-card__footer">
          <span className="session-card__people">
            <ParticipantsIcon size={18} />
            {t('list.people', { count: people, formatted: formatNumber(people) })}
          </span>
          <span className="session-card__chips">
            {chipsOf(session).map((kind) => (
              <StatusChip key={kind} kind={kind} />
            ))}
          </span>
        </span>
      </Link>
    );
  },
  (previous, next) => sameCard(previous.item, next.item),
);
