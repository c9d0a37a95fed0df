// Yearly plans per unit (đạt …% kế hoạch): for the chosen year and either the overall plan or one topic's,
// every unit of the user's subtree with its targets and progress, edited inline through the admin API.
// Offline the page shows the plans already on the device and says why editing is off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearInVietnam } from '#domain/rules/dates';
import { useAuth } from '#client/app/auth-state.ts';
import { useReferenceData } from '#client/app/use-reference-data.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { Page } from '#client/ui/page.tsx';
import { topicName } from '#client/ui/report-filter-bar.tsx';
import { unitTree } from '#client/ui/report-filters.ts';
import { Select } from '#client/ui/select.tsx';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';
import { PlanRow } from './plan-row';
import { usePlans } from './use-plans';
import { useYearProgress } from './use-year-progress';
import '../../ui/data-table.css';
import './plans.css';

export function PlansPage() {
  const { t } = useTranslation('plans');
  const { user } = useAuth();
  const online = useOnlineStatus();
  const { units, topics } = useReferenceData();
  const thisYear = yearInVietnam();
  const [year, setYear] = useState(thisYear);
  const [topicId, setTopicId] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const rootUnitId = user?.role === 'admin' ? null : (user?.unitId ?? null);
  const plans = usePlans(year, online);
  const progress = useYearProgress({ year, rootUnitId, topicId, online }, units);
  const topic = topics.find((candidate) => candidate.id === topicId);
  // A topic's plan belongs to a unit of the topic's own space.
  const rows = unitTree(units, rootUnitId).filter(({ unit }) => !topic || unit.spaceId === topic.spaceId);
  const planOf = (unitId: string) =>
    plans.plans.find((p) => p.unitId === unitId && p.year === year && (p.topicId ?? '') === topicId);

  return (
    <Page title={t('title')} wide>
      <p className="plans__intro">{t('intro')}</p>
      <div className="plans__controls">
        <Select
          label={t('year')}
          value={String(year)}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <Select
          label={t('topic')}
          value={topicId}
          options={[
            { value: '', label: t('allTopics') },
            ...topics.filter((tp) => tp.active).map((tp) => ({ value: tp.id, label: topicName(tp) })),
          ]}
          onChange={(e) => setTopicId(e.target.value)}
        />
      </div>
      {!online && <Banner tone="warning">{t('offline')}</Banner>}
      {Boolean(plans.error) && (
        <Banner tone="danger" action={<Button onClick={plans.reload}>{t('common:actions.retry')}</Button>}>
          {t('loadError')} {t(errorMessageKey(plans.error))}
        </Banner>
      )}
      {Boolean(progress.error) && <Banner tone="warning">{t('progressError')}</Banner>}
      {saved && <Banner tone="success">{saved}</Banner>}
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <div className="table-scroll">
          <table className="data-table plans-table" aria-busy={plans.loading}>
            <caption className="plans-table__caption">{t('table.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.unit')}</th>
                <th scope="col">{t('table.sessions')}</th>
                <th scope="col">{t('table.turns')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, depth }) => (
                <PlanRow
                  key={`${unit.id}-${year}-${topicId}`}
                  unit={unit}
                  depth={depth}
                  year={year}
                  topicId={topicId}
                  plan={planOf(unit.id)}
                  achieved={progress.achievedBy(unit.id)}
                  canEdit={online && plans.source === 'server'}
                  onSaved={(plan) => {
                    plans.replace(plan);
                    setSaved(t('saved', { unit: unit.shortName }));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
