// The dashboard's four charts from one summary: sessions and turns by month, turns by topic, by unit and
// by format. Names come from the local units and topics (pulled, so they work offline); every chart's
// table lists sessions, turns, women and ethnic-minority turns.
import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '#domain/schemas/report';
import type { Topic, Unit } from '#domain/schemas/reference';
import { formatDate, intlLocale } from '#client/ui/format.ts';
import { topicName } from '#client/ui/report-filter-bar.tsx';
import { BarChart, type BarRow } from './bar-chart';
import { ChartCard, type ChartTable } from './chart-card';
import { formatCount } from './format-figures';
import { MonthChart, type MonthPoint } from './month-chart';

type Bucket = ReportSummary['byMonth'][number];

export interface DashboardChartsProps {
  summary: ReportSummary;
  from: string;
  to: string;
  units: readonly Unit[];
  topics: readonly Topic[];
}

export function DashboardCharts({ summary, from, to, units, topics }: DashboardChartsProps) {
  const { t } = useTranslation(['dashboard', 'reports']);
  const figureColumns = [t('charts.sessions'), t('charts.turns'), t('charts.women'), t('charts.ethnicMinority')];
  const tableOf = (
    label: string,
    rows: Array<{ key: string; label: string; bucket: Omit<Bucket, 'month'> }>,
  ): ChartTable => ({
    columns: [label, ...figureColumns],
    rows: rows.map((row) => ({
      key: row.key,
      label: row.label,
      cells: [row.bucket.sessions, row.bucket.participantTurns, row.bucket.women, row.bucket.ethnicMinority].map(
        formatCount,
      ),
    })),
  });
  const months = monthBuckets(summary.byMonth, from, to);
  const multiYear = new Set(months.map((m) => m.month.slice(0, 4))).size > 1;
  const monthPoints = (value: (b: Bucket) => number): MonthPoint[] =>
    months.map((b) => ({ month: b.month, value: value(b), ...monthLabels(b.month, multiYear) }));

  const byTopic = summary.byTopic.map((b) => {
    const topic = topics.find((candidate) => candidate.id === b.topicId);
    return { key: b.topicId, label: topic ? topicName(topic) : t('charts.unknownTopic'), bucket: b };
  });
  const byUnit = summary.byUnit.map((b) => ({
    key: b.unitId,
    label: units.find((u) => u.id === b.unitId)?.shortName ?? t('charts.byUnit.unknown'),
    bucket: b,
  }));
  const byFormat = summary.byFormat.map((b) => ({ key: b.format, label: t(`reports:formats.${b.format}`), bucket: b }));
  const byTurns = <R extends { bucket: { participantTurns: number } }>(rows: R[]) =>
    [...rows].sort((a, b) => b.bucket.participantTurns - a.bucket.participantTurns);
  const bars = (rows: Array<{ key: string; label: string; bucket: { participantTurns: number } }>): BarRow[] =>
    rows.map((row) => ({ key: row.key, label: row.label, value: row.bucket.participantTurns }));

  return (
    <div className="dashboard-charts">
      <ChartCard
        title={t('charts.byMonth.title')}
        description={t('charts.byMonth.description')}
        table={tableOf(
          t('charts.month'),
          summary.sessions === 0 ? [] : months.map((b) => ({ key: b.month, label: monthName(b.month), bucket: b })),
        )}
      >
        {(ids) => (
          <MonthChart
            {...ids}
            formatValue={formatCount}
            series={[
              { key: 'sessions', name: t('charts.sessions'), tone: 'primary', points: monthPoints((b) => b.sessions) },
              {
                key: 'turns',
                name: t('charts.turns'),
                tone: 'secondary',
                points: monthPoints((b) => b.participantTurns),
              },
            ]}
          />
        )}
      </ChartCard>
      {(
        [
          ['byTopic', byTurns(byTopic)],
          ['byUnit', byTurns(byUnit)],
          ['byFormat', byFormat],
        ] as const
      ).map(([name, rows]) => (
        <ChartCard
          key={name}
          title={t(`charts.${name}.title`)}
          description={t(`charts.${name}.description`)}
          table={tableOf(t(`charts.${name}.label`), rows)}
        >
          {(ids) => <BarChart {...ids} rows={bars(rows)} formatValue={formatCount} tone="secondary" />}
        </ChartCard>
      ))}
    </div>
  );
}

const maxFilledMonths = 36;

/** Every month of the period, with zeros where nothing happened, so the time axis has no gaps. */
export function monthBuckets(byMonth: readonly Bucket[], from: string, to: string): Bucket[] {
  const found = new Map(byMonth.map((b) => [b.month, b]));
  const months: Bucket[] = [];
  if (/^\d{4}-\d{2}/.test(from) && /^\d{4}-\d{2}/.test(to)) {
    let year = Number(from.slice(0, 4));
    let month = Number(from.slice(5, 7));
    const last = to.slice(0, 7);
    while (months.length < maxFilledMonths) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      if (key > last) break;
      months.push(found.get(key) ?? { month: key, sessions: 0, participantTurns: 0, women: 0, ethnicMinority: 0 });
      month += 1;
      if (month > 12) [year, month] = [year + 1, 1];
    }
  }
  const covered = new Set(months.map((m) => m.month));
  if (byMonth.some((b) => !covered.has(b.month))) return [...byMonth].sort((a, b) => a.month.localeCompare(b.month));
  return months;
}

function monthLabels(month: string, multiYear: boolean): Pick<MonthPoint, 'shortLabel' | 'narrowLabel'> {
  const [year = 0, number = 1] = month.split('-').map(Number);
  if (multiYear) return { shortLabel: `${number}/${String(year).slice(2)}`, narrowLabel: String(number) };
  const short = new Intl.DateTimeFormat(intlLocale(), { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(year, number - 1, 1),
  );
  return { shortLabel: short, narrowLabel: String(number) };
}

function monthName(month: string): string {
  return formatDate(`${month}-01`, { month: '2-digit', year: 'numeric' });
}
