// The sessions in the chosen period, from this device, each with a link to its printable attendance
// sheet (A4, signature column). Newest first, a page at a time: a province logs thousands a year.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalSession } from '#client/db/local-rows.ts';
import type { Unit } from '#domain/schemas/reference';
import { Button } from '#client/ui/button.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { Card } from '#client/ui/card.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { ReportsIcon } from '#client/ui/icons.tsx';

const pageSize = 20;

export function PeriodSessionList({ sessions, units }: { sessions: readonly LocalSession[]; units: readonly Unit[] }) {
  const { t } = useTranslation('reports');
  const [limit, setLimit] = useState(pageSize);
  const shown = sessions.slice(0, limit);
  const unitName = (id: string) => units.find((u) => u.id === id)?.shortName ?? '';
  return (
    <Card title={t('sessions.title')}>
      <p className="field__hint">{t('sessions.intro')}</p>
      {sessions.length === 0 ? (
        <EmptyState title={t('sessions.empty')} />
      ) : (
        <>
          <p className="period-sessions__count">{t('sessions.count', { count: formatNumber(sessions.length) })}</p>
          <ul className="period-sessions">
            {shown.map((session) => {
              const title = session.title || t('sessions.untitled');
              return (
                <li key={session.id} className="period-sessions__item">
                  <div className="period-sessions__text">
                    <p className="period-sessions__title">{title}</p>
                    <p className="period-sessions__meta">
                      {[formatDate(session.startDate), unitName(session.unitId), t(`statuses.${session.status}`)]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </div>
                  <ButtonLink
                    to={`/sessions/${session.id}/print`}
                    icon={<ReportsIcon />}
                    aria-label={t('sessions.printLabel', { title })}
                  >
                    {t('sessions.print')}
                  </ButtonLink>
                </li>
              );
            })}
          </ul>
          {sessions.length > limit && (
            <div className="period-sessions__more">
              <p className="field__hint">
                {t('sessions.more', { shown: formatNumber(shown.length), total: formatNumber(sessions.length) })}
              </p>
              <Button onClick={() => setLimit((n) => n + pageSize)}>
                {t('sessions.showMore', { count: formatNumber(Math.min(pageSize, sessions.length - limit)) })}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
