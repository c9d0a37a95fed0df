// One export row per matching session (docs/api.md): date, unit, format, title, topics, mode, turns, women,
// ethnic minority, status. Counted by the same SQL as the summary, so a sheet always adds up to it.
import { sql } from 'drizzle-orm';
import type { Locale } from '#domain/schemas/auth';
import type { AttendanceMode, SessionFormat, SessionStatus } from '#domain/schemas/session';
import type { DbExecutor } from '../db/database';
import { sessionTurnsWith, type SessionFilters } from '../reports/session-turns';
import type { UnitScope } from '../reports/unit-scope';
import { formatDateRange, type ExportLabels } from './labels';
import { dateCell, type SheetCell } from './sheet-cell';

export interface ExportSessionRow extends Record<string, unknown> {
  id: string;
  startDate: string;
  endDate: string;
  unitName: string;
  format: SessionFormat;
  title: string;
  topics: string;
  mode: AttendanceMode;
  turns: number;
  women: number;
  minority: number;
  status: SessionStatus;
}

const topicNameColumn = { vi: sql.raw('t.name_vi'), en: sql.raw('t.name_en') };

export async function loadSessionRows(
  db: DbExecutor,
  scope: UnitScope,
  filters: SessionFilters,
  locale: Locale,
): Promise<ExportSessionRow[]> {
  const result = await db.execute<ExportSessionRow>(sql`${sessionTurnsWith(scope, filters)}
    select s.id, s.start_date::text as "startDate", s.end_date::text as "endDate", u.name as "unitName",
      s.format, s.title, st.attendance_mode as mode, st.turns, st.women, st.minority, s.status,
      coalesce((
        select string_agg(${topicNameColumn[locale]}, '; ' order by o.n)
        from unnest(s.topic_ids) with ordinality as o(topic_id, n) join topics t on t.id = o.topic_id
      ), '') as topics
    from session_turns st
    join sessions s on s.id = st.id
    join units u on u.id = s.unit_id
    order by s.start_date, s.id`);
  return result.rows;
}

export function sessionCells(
  row: ExportSessionRow,
  labels: ExportLabels,
  locale: Locale,
): [string, string, string, string, string, string, number, number, number, string] {
  return [
    formatDateRange(row.startDate, row.endDate, locale),
    row.unitName,
    labels.formats[row.format],
    row.title,
    row.topics,
    labels.modes[row.mode],
    row.turns,
    row.women,
    row.minority,
    labels.statuses[row.status],
  ];
}

/** The XLSX row: the CSV's cells with the date range as two real dates, start and end. */
export function xlsxSessionCells(row: ExportSessionRow, labels: ExportLabels, locale: Locale): SheetCell[] {
  const [, ...rest] = sessionCells(row, labels, locale);
  return [dateCell(row.startDate), dateCell(row.endDate), ...rest];
}
