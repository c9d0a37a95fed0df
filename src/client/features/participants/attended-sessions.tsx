// The sessions a person attended, newest first, each linking to its roster; the count is the
// person's participant-turns.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '#client/ui/card.tsx';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { useAttendedSessions } from './use-participants';

export function AttendedSessions({ participantId }: { participantId: string }) {
  const { t } = useTranslation('participants');
  const sessions = useAttendedSessions(participantId);
  if (!sessions) return null;
  return (
    <Card title={t('detail.sessions')}>
      {sessions.length === 0 ? (
        <p>{t('detail.noSessions')}</p>
      ) : (
        <>
          <p>{t('detail.turns', { count: sessions.length, n: formatNumber(sessions.length) })}</p>
          <ul className="attended-list">
            {sessions.map((session) => (
              <li key={session.id}>
                <Link className="attended-list__link" to={`/sessions/${session.id}/roster`}>
                  <span className="attended-list__date">{formatDate(session.startDate)}</span>
                  <span>{session.title || t('detail.untitledSession')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
