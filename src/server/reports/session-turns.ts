// The counting rules of docs/data-model.md in SQL, shared by the summary and the exports: the sessions matching a
// report's filters within its unit scope, one row each with its participant-turns, women and ethnic-minority
// turns. A roster session counts its non-deleted attendance rows (and their participants' gender and
// ethnicity); a headcount session its headcount. Deleted sessions never count. src/domain/rules/report-totals.ts
// is the same rule in TypeScript, and the tests hold the two to each other.
import { sql, type SQL } from 'drizzle-orm';
import { ethnicGroups, KINH_CODE } from '#domain/reference/ethnic-groups';
import type { ReportQuery } from '#domain/schemas/report';
import { scopeUnitsCte, type UnitScope } from './unit-scope';

export type SessionFilters = Pick<ReportQuery, 'from' | 'to' | 'topicId' | 'format' | 'status'>;

/** Any recognised group but Kinh; `foreign`, `undisclosed` and no answer are not minorities. */
const minorityCodes = ethnicGroups.map((g) => g.code2008).filter((code) => code !== KINH_CODE);

export const isMinoritySql = (column: SQL): SQL =>
  sql`${column} in (${sql.join(
    minorityCodes.map((code) => sql`${code}`),
    sql`, `,
  )})`;

function sessionConditions(filters: SessionFilters): SQL {
  const conditions: SQL[] = [
    sql`not s.deleted`,
    sql`s.unit_id in (select id from scope_units)`,
    sql`s.status in (${sql.join(
      filters.status.map((status) => sql`${status}`),
      sql`, `,
    )})`,
  ];
  if (filters.from) conditions.push(sql`s.start_date >= ${filters.from}`);
  if (filters.to) conditions.push(sql`s.start_date <= ${filters.to}`);
  if (filters.format) conditions.push(sql`s.format = ${filters.format}`);
  if (filters.topicId) conditions.push(sql`${filters.topicId}::uuid = any(s.topic_ids)`);
  return sql.join(conditions, sql` and `);
}

/**
 * `with recursive scope_units …, session_turns(id, unit_id, format, status, topic_ids, month, attendance_mode,
 * turns, women, minority)`: append a `select … from session_turns`. Attendance is counted per session id
 * first, so the wide session rows are never grouped.
 */
export function sessionTurnsWith(scope: UnitScope, filters: SessionFilters): SQL {
  return sql`with recursive ${scopeUnitsCte(scope)},
  matched as (
    select s.id, s.unit_id, s.format, s.status, s.topic_ids, s.attendance_mode, s.start_date,
      s.headcount_total, s.headcount_women, s.headcount_ethnic_minority
    from sessions s
    where ${sessionConditions(filters)}
  ),
  roster_counts as (
    select a.session_id, count(*) as turns, count(*) filter (where p.gender = 'female') as women,
      count(*) filter (where ${isMinoritySql(sql`p.ethnicity`)}) as minority
    from attendance a
    join matched m on m.id = a.session_id and m.attendance_mode = 'roster'
    left join participants p on p.id = a.participant_id
    where not a.deleted
    group by a.session_id
  ),
  session_turns as (
    select m.id, m.unit_id, m.format, m.status, m.topic_ids, m.attendance_mode,
      to_char(m.start_date, 'YYYY-MM') as month,
      (case when m.attendance_mode = 'headcount' then coalesce(m.headcount_total, 0) else coalesce(r.turns, 0) end)::int as turns,
      (case when m.attendance_mode = 'headcount' then coalesce(m.headcount_women, 0) else coalesce(r.women, 0) end)::int as women,
      (case when m.attendance_mode = 'headcount' then coalesce(m.headcount_ethnic_minority, 0)
        else coalesce(r.minority, 0) end)::int as minority
    from matched m
    left join roster_counts r on r.session_id = m.id
  )`;
}
