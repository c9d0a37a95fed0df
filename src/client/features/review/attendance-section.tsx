// Who attended: the named roster, or the headcount's three numbers.
// Personal data: this table shows each person's ethnicity, which the law classes as sensitive. Only
// organisers and admins reach this page (the route is guarded by role, and the server sends named
// rosters only to organisers of an ancestor unit); trainers see ethnicity only in their own rosters.
import { useTranslation } from 'react-i18next';
import { rosterTotals } from '#domain/rules/report-totals';
import { currentLanguage } from '#client/i18n.ts';
import { Card } from '#client/ui/card.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { ethnicityLabel, genderLabel, unionRoleLabel } from './labels';
import type { ReviewSessionData, RosterLine } from './use-review-session';

function HeadcountFacts({ headcount }: { headcount: ReviewSessionData['session']['headcount'] }) {
  const { t } = useTranslation('review');
  const { total = 0, women = 0, ethnicMinority = 0 } = headcount ?? {};
  return (
    <>
      <p>{t('session.headcountMode')}</p>
      <dl className="review-tiles">
        <div>
          <dt>{t('session.headcountTotal')}</dt>
          <dd>{formatNumber(total)}</dd>
        </div>
        <div>
          <dt>{t('session.headcountWomen')}</dt>
          <dd>{formatNumber(women)}</dd>
        </div>
        <div>
          <dt>{t('session.headcountEthnicMinority')}</dt>
          <dd>{formatNumber(ethnicMinority)}</dd>
        </div>
      </dl>
    </>
  );
}

function RosterTable({ roster }: { roster: RosterLine[] }) {
  const { t } = useTranslation('review');
  const language = currentLanguage();
  const known = roster.flatMap((line) => (line.participant ? [line.participant] : []));
  const totals = rosterTotals(known);
  if (roster.length === 0) return <p>{t('session.rosterEmpty')}</p>;
  return (
    <>
      <p className="review-totals">
        {t('session.rosterTotals', {
          people: formatNumber(roster.length),
          women: formatNumber(totals.women),
          ethnicMinority: formatNumber(totals.ethnicMinority),
        })}
      </p>
      {/* On a phone each person is a card (review-session.css); wider, a table that may scroll sideways,
          focusable so a keyboard can scroll it too. */}
      <div className="review-table-scroll" role="region" aria-label={t('session.rosterScroll')} tabIndex={0}>
        <table className="review-table">
          <caption className="visually-hidden">{t('session.rosterCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('session.columns.number')}</th>
              <th scope="col">{t('session.columns.name')}</th>
              <th scope="col">{t('session.columns.gender')}</th>
              <th scope="col">{t('session.columns.birthYear')}</th>
              <th scope="col">{t('session.columns.ethnicity')}</th>
              <th scope="col">{t('session.columns.role')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map(({ attendance, participant: p }, index) => (
              <tr key={attendance.id}>
                <td className="review-table__number">{formatNumber(index + 1)}</td>
                {p ? (
                  <>
                    <th scope="row">{p.fullName}</th>
                    <td data-label={t('session.columns.gender')}>{genderLabel(t, p.gender)}</td>
                    <td data-label={t('session.columns.birthYear')}>{p.birthYear ?? ''}</td>
                    <td data-label={t('session.columns.ethnicity')}>{ethnicityLabel(t, p.ethnicity, language)}</td>
                    {/* Nothing inside when nothing was recorded: the phone's card then leaves out the empty label. */}
                    <td data-label={t('session.columns.role')}>
                      {p.unionRole && <span className="review-table__role">{unionRoleLabel(t, p.unionRole)}</span>}
                      {(p.position || p.workplace) && (
                        <span className="review-table__workplace">
                          {[p.position, p.workplace].filter(Boolean).join(', ')}
                        </span>
                      )}
                    </td>
                  </>
                ) : (
                  <td colSpan={5}>{t('session.unknownParticipant')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function AttendanceSection({ data }: { data: ReviewSessionData }) {
  const { t } = useTranslation('review');
  const { session, roster } = data;
  return (
    <Card title={t('session.attendance')}>
      {session.attendanceMode === 'headcount' ? (
        <HeadcountFacts headcount={session.headcount} />
      ) : (
        <RosterTable roster={roster} />
      )}
    </Card>
  );
}
