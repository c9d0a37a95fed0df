// The "Tổng hợp" (summary) sheet: the filters, the headline figures with their shares, plan progress, and
// the by-month, by-format, by-topic and by-unit tables of the same summary the dashboard shows.
import type { ReportQuery, ReportSummary } from '#domain/schemas/report';
import type { ExportLabels } from './labels';
import type { SummaryNames } from './names';
import { dateCell, type SheetCell } from './sheet-cell';

export interface SummarySheetInput {
  summary: ReportSummary;
  names: SummaryNames;
  labels: ExportLabels;
  query: Pick<ReportQuery, 'from' | 'to' | 'status'>;
  /** The unit the report is about, or null for everything the reader sees. */
  unitName: string | null;
}

export function summarySheetRows({ summary, names, labels, query, unitName }: SummarySheetInput): SheetCell[][] {
  const s = labels.summary;
  const bucketHeader = [s.sessions, s.participantTurns, s.women, s.ethnicMinority];
  const bucket = (b: { sessions: number; participantTurns: number; women: number; ethnicMinority: number }) => [
    b.sessions,
    b.participantTurns,
    b.women,
    b.ethnicMinority,
  ];
  const rows: SheetCell[][] = [
    [labels.fileName],
    [s.from, query.from ? dateCell(query.from) : s.all],
    [s.to, query.to ? dateCell(query.to) : s.all],
    [labels.sessionColumns[1], unitName ?? s.all],
    [s.statuses, query.status.map((status) => labels.statuses[status]).join(', ')],
    [],
    [s.sessions, summary.sessions],
    [s.participantTurns, summary.participantTurns],
    [s.uniqueParticipants, summary.uniqueParticipants],
    ['', '', s.percent],
    [s.women, summary.women.turns, summary.women.pct],
    [s.ethnicMinority, summary.ethnicMinority.turns, summary.ethnicMinority.pct],
    [],
  ];
  if (summary.plan) {
    rows.push(
      ['', '', s.achieved],
      [s.planSessions, summary.plan.targetSessions, summary.plan.sessionsPct],
      [s.planTurns, summary.plan.targetParticipantTurns, summary.plan.participantTurnsPct],
    );
  } else {
    rows.push([s.noPlan]);
  }
  rows.push([], [s.byMonth, ...bucketHeader], ...summary.byMonth.map((b) => [dateCell(b.month), ...bucket(b)]));
  rows.push(
    [],
    [s.byFormat, ...bucketHeader],
    ...summary.byFormat.map((b) => [labels.formats[b.format], ...bucket(b)]),
  );
  rows.push(
    [],
    [s.byTopic, ...bucketHeader],
    ...summary.byTopic.map((b) => [names.topics.get(b.topicId) ?? b.topicId, ...bucket(b)]),
  );
  rows.push(
    [],
    [s.byUnit, ...bucketHeader],
    ...summary.byUnit.map((b) => [names.units.get(b.unitId) ?? b.unitId, ...bucket(b)]),
  );
  return rows;
}
