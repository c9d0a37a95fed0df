// The organiser's dashboard: filters, the key figures and four charts for a period and a unit subtree.
// Figures come from the server (GET /api/reports/summary); unit and topic names from the local database.
// Offline it says reports need a connection and shows the last loaded figures, saying when and for what.
import { useTranslation } from 'react-i18next';
import { useAuth } from '#client/app/auth-state.ts';
import { useReferenceData } from '#client/app/use-reference-data.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { formatDateTime, formatTime } from '#client/ui/format.ts';
import { SyncIcon } from '#client/ui/icons.tsx';
import { Page } from '#client/ui/page.tsx';
import { ReportFilterBar } from '#client/ui/report-filter-bar.tsx';
import { reportSearchParams, useReportFilters } from '#client/ui/report-filters.ts';
import { DashboardCharts } from './dashboard-charts';
import { KpiTiles } from './kpi-tiles';
import { useReportSummary } from './use-report-summary';
import '../../ui/data-table.css';
import './dashboard.css';

export function DashboardPage() {
  const { user } = useAuth();
  if (!user) return null;
  return <Dashboard userId={user.id} rootUnitId={user.role === 'admin' ? null : user.unitId} />;
}

function Dashboard({ userId, rootUnitId }: { userId: string; rootUnitId: string | null }) {
  const { t } = useTranslation('dashboard');
  const { units, topics } = useReferenceData();
  const [filters, setFilters] = useReportFilters(userId, rootUnitId ?? '');
  const query = reportSearchParams(filters).toString();
  const { shown, loading, offline, error, reload } = useReportSummary(userId, query);
  const summary = shown?.summary ?? null;
  // Offline the figures shown may be for earlier filters: chart their own period.
  const shownPeriod = new URLSearchParams(shown?.query ?? query);

  return (
    <Page
      title={t('title')}
      wide
      actions={
        <Button icon={<SyncIcon />} onClick={reload} disabled={loading || offline}>
          {t('refresh')}
        </Button>
      }
    >
      <p className="dashboard__intro">{t('intro')}</p>
      <ReportFilterBar filters={filters} onChange={setFilters} units={units} topics={topics} rootUnitId={rootUnitId} />
      <div aria-live="polite">
        {offline && (
          <Banner tone="warning">
            <strong>{t('offline.title')}</strong>
            <br />
            {!shown
              ? t('offline.noFigures')
              : t(shown.query === query ? 'offline.cached' : 'offline.cachedOther', {
                  time: formatDateTime(shown.loadedAt),
                })}
          </Banner>
        )}
        {Boolean(error) && (
          <Banner tone="danger" action={<Button onClick={reload}>{t('common:actions.retry')}</Button>}>
            {t('error')} {t(errorMessageKey(error))}
          </Banner>
        )}
        {loading && !summary && (
          <p className="dashboard__status" role="status">
            {t('loading')}
          </p>
        )}
      </div>
      {summary && (
        <div
          className={loading ? 'dashboard__figures dashboard__figures--stale' : 'dashboard__figures'}
          aria-busy={loading}
        >
          {shown && !offline && (
            <p className="dashboard__status">
              {loading ? t('loading') : t('loadedAt', { time: formatTime(shown.loadedAt) })}
            </p>
          )}
          <KpiTiles summary={summary} />
          {summary.sessions === 0 ? (
            <EmptyState title={t('empty')} />
          ) : (
            <DashboardCharts
              summary={summary}
              from={shownPeriod.get('from') ?? ''}
              to={shownPeriod.get('to') ?? ''}
              units={units}
              topics={topics}
            />
          )}
        </div>
      )}
    </Page>
  );
}
