// The named attendance list of the matching roster sessions, for the XLSX "Danh sách" sheet: session, date,
// name, gender, birth year, ethnicity, the participant's unit, union role. Named data with ethnicity is
// sensitive (domain README): only roles in NAMED_DATA_ROLES get it, and every export is audit-logged.
import { sql } from 'drizzle-orm';
import type { Locale, Role } from '#domain/schemas/auth';
import type { Gender, UnionRole } from '#domain/schemas/participant';
import type { DbExecutor } from '../db/database';
import { sessionTurnsWith, type SessionFilters } from '../reports/session-turns';
import type { UnitScope } from '../reports/unit-scope';
import { ethnicityName, type ExportLabels } from './labels';
import { dateCell, type SheetCell } from './sheet-cell';

const collator = new Intl.Collator('vi');

/**
 * Who may export names: organisers (they review these records and answer for their units' reports) and
 * admins. Trainers cannot export at all; they see their own rosters on their devices.
 */
export const NAMED_DATA_ROLES: readonly Role[] = ['organiser', 'admin'];

export interface ExportAttendanceRow extends Record<string, unknown> {
  sessionId: string;
  title: string;
  startDate: string;
  endDate: string;
  fullName: string;
  gender: Gender;
  birthYear: number | null;
  ethnicity: string | null;
  unitName: string;
  unionRole: UnionRole | null;
}

export async function loadAttendanceRows(
  db: DbExecutor,
  scope: UnitScope,
  filters: SessionFilters,
): Promise<ExportAttendanceRow[]> {
  const result = await db.execute<ExportAttendanceRow>(sql`${sessionTurnsWith(scope, filters)}
    select s.id as "sessionId", s.title, s.start_date::text as "startDate", s.end_date::text as "endDate", p.full_name as "fullName",
      p.gender, p.birth_year as "birthYear", p.ethnicity, pu.name as "unitName", p.union_role as "unionRole"
    from session_turns st
    join sessions s on s.id = st.id
    join attendance a on a.session_id = s.id and not a.deleted
    join participants p on p.id = a.participant_id
    join units pu on pu.id = p.unit_id
    where st.attendance_mode = 'roster'
    order by s.start_date, s.id`);
  // Names in Vietnamese alphabetical order whatever the database's collation.
  return result.rows.sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      a.sessionId.localeCompare(b.sessionId) ||
      collator.compare(a.fullName, b.fullName),
  );
}

export function attendanceCells(row: ExportAttendanceRow, labels: ExportLabels, locale: Locale): SheetCell[] {
  return [
    row.title,
    dateCell(row.startDate),
    dateCell(row.endDate),
    row.fullName,
    labels.genders[row.gender],
    row.birthYear,
    ethnicityName(row.ethnicity, locale),
    row.unitName,
    row.unionRole ? labels.unionRoles[row.unionRole] : '',
  ];
}
