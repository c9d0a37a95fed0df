// Progress against the plan (đạt …% kế hoạch). The targets are the overall plans (topicId null) — or, with a
// topic filter, that topic's plans — of the scope's units for the year(s) of the period. A plan counts only when
// no unit above it in the scope has a plan of the same year and kind: a provincial plan already covers its
// grassroots units, and adding their own plans to it would count the same target twice. With one plan at the
// scope's root (the usual case), the target is that plan; with plans only on separate units, their sum.
import { sql } from 'drizzle-orm';
import { yearInVietnam } from '#domain/rules/dates';
import { percent } from '#domain/rules/report-totals';
import type { PlanProgress, ReportQuery } from '#domain/schemas/report';
import type { DbExecutor } from '../db/database';
import { scopeUnitsCte, type UnitScope } from './unit-scope';

interface Achieved {
  sessions: number;
  participantTurns: number;
}

/** The calendar years a period covers: its bounds' years, or this year in Vietnam when it has none. */
export function planYears(query: Pick<ReportQuery, 'from' | 'to'>, now: Date): { first: number; last: number } {
  const yearOf = (date: string | undefined) => (date ? Number(date.slice(0, 4)) : undefined);
  const from = yearOf(query.from);
  const to = yearOf(query.to);
  const current = yearInVietnam(now);
  return { first: from ?? to ?? current, last: to ?? from ?? current };
}

export async function loadPlanProgress(
  db: DbExecutor,
  scope: UnitScope,
  query: Pick<ReportQuery, 'from' | 'to' | 'topicId'>,
  achieved: Achieved,
  now: Date,
): Promise<PlanProgress | null> {
  const { first, last } = planYears(query, now);
  const topic = query.topicId ? sql`p.topic_id = ${query.topicId}` : sql`p.topic_id is null`;
  const result = await db.execute<{ plans: number; sessions: number; turns: number }>(sql`
    with recursive ${scopeUnitsCte(scope)},
    scoped_plans as (
      select p.unit_id, p.year, p.target_sessions, p.target_participant_turns, su.path
      from plans p join scope_units su on su.id = p.unit_id
      where not p.deleted and p.year between ${first} and ${last} and ${topic}
    )
    select count(*)::int as plans, coalesce(sum(target_sessions), 0)::int as sessions,
      coalesce(sum(target_participant_turns), 0)::int as turns
    from scoped_plans sp
    where not exists (
      select 1 from scoped_plans above
      where above.year = sp.year and above.unit_id <> sp.unit_id and above.unit_id = any(sp.path)
    )`);
  const row = result.rows[0];
  if (!row || row.plans === 0) return null;
  return {
    targetSessions: row.sessions,
    targetParticipantTurns: row.turns,
    sessionsPct: percent(achieved.sessions, row.sessions),
    participantTurnsPct: percent(achieved.participantTurns, row.turns),
  };
}
