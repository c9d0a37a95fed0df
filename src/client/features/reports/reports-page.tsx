// The organiser's reports: the dashboard's filters, downloads of the filtered sessions (XLSX, CSV, with
// small counts hidden for published tables), and the period's sessions with their attendance sheets.
import { useTranslation } from 'react-i18next';
import { useAuth } from '#client/app/auth-state.ts';
import { useReferenceData } from '#client/app/use-reference-data.ts';
import { Page } from '#client/ui/page.tsx';
import { ReportFilterBar } from '#client/ui/report-filter-bar.tsx';
import { useReportFilters } from '#client/ui/report-filters.ts';
import { ExportCard } from './export-card';
import { PeriodSessionList } from './period-session-list';
import { usePeriodSessions } from './use-period-sessions';
import './reports.css';

export function ReportsPage() {
  const { user } = useAuth();
  if (!user) return null;
  return <Reports userId={user.id} rootUnitId={user.role === 'admin' ? null : user.unitId} />;
}

function Reports({ userId, rootUnitId }: { userId: string; rootUnitId: string | null }) {
  const { t } = useTranslation('reports');
  const { units, topics } = useReferenceData();
  const [filters, setFilters] = useReportFilters(userId, rootUnitId ?? '');
  const { sessions } = usePeriodSessions(filters, units);
  return (
    <Page title={t('title')} wide>
      <ReportFilterBar filters={filters} onChange={setFilters} units={units} topics={topics} rootUnitId={rootUnitId} />
      <div className="reports__columns">
        <ExportCard filters={filters} />
        <PeriodSessionList sessions={sessions} units={units} />
      </div>
    </Page>
  );
}
