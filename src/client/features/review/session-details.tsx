// What the trainer recorded about the session: format, title, dates, place (the commune's name as
// written when the record was made; codes are reused across reforms), topics, plan and notes.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '#client/i18n.ts';
import { Card } from '#client/ui/card.tsx';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { formatLabel, statusLabel, topicName } from './labels';
import { usePlaceNames } from './use-place-names';
import type { ReviewSessionData } from './use-review-session';

export function SessionDetails({ data }: { data: ReviewSessionData }) {
  const { t } = useTranslation('review');
  const language = currentLanguage();
  const { session, unit, topics, trainer } = data;
  const places = usePlaceNames(session.provinceCode, session.communeName ? null : session.communeCode);
  const commune = session.communeName ?? places.commune;
  const place = [session.placeName, commune, places.province].filter(Boolean).join(', ');
  const dates =
    session.endDate && session.endDate !== session.startDate
      ? t('session.dateRange', { start: formatDate(session.startDate), end: formatDate(session.endDate) })
      : formatDate(session.startDate);
  const notGiven = <span className="review-muted">{t('session.notGiven')}</span>;
  return (
    <Card title={t('session.details')}>
      <dl className="facts review-facts">
        <div>
          <dt>{t('session.status')}</dt>
          <dd>{statusLabel(t, session.status)}</dd>
        </div>
        <div>
          <dt>{t('session.format')}</dt>
          <dd>{formatLabel(t, session.format)}</dd>
        </div>
        <div>
          <dt>{t('session.dates')}</dt>
          <dd>{dates}</dd>
        </div>
        <div>
          <dt>{t('session.unit')}</dt>
          <dd>{unit?.name ?? t('queue.unknownUnit')}</dd>
        </div>
        <div>
          <dt>{t('session.trainer')}</dt>
          <dd>{trainer?.displayName ?? t('queue.unknownTrainer')}</dd>
        </div>
        <div>
          <dt>{t('session.place')}</dt>
          <dd>{place || notGiven}</dd>
        </div>
        <div>
          <dt>{t('session.planned')}</dt>
          <dd>{session.plannedParticipants != null ? formatNumber(session.plannedParticipants) : notGiven}</dd>
        </div>
        <div className="review-facts__wide">
          <dt>{t('session.topics')}</dt>
          <dd>
            {topics.length === 0 ? (
              notGiven
            ) : (
              <ul className="review-topics">
                {topics.map((topic) => (
                  <li key={topic.id}>{topicName(topic, language)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {session.notes && (
          <div className="review-facts__wide">
            <dt>{t('session.notes')}</dt>
            <dd className="review-notes">{session.notes}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
