// GET /api/reports/summary (docs/api.md): the totals, the by-month/topic/unit/format buckets and the plan
// progress, aggregated in SQL in one statement so a province-year (~3,000 sessions, ~80,000 attendance rows)
// never travels to the server process row by row. A session with several topics counts in each of them.
import { sql } from 'drizzle-orm';
import { percent } from '#domain/rules/report-totals';
import type { ReportQuery, ReportSummary } from '#domain/schemas/report';
import { sessionFormats, type SessionFormat } from '#domain/schemas/session';
import type { DbExecutor } from '../db/database';
import { loadPlanProgress } from './plan-progress';
import { sessionTurnsWith } from './session-turns';
import type { UnitScope } from './unit-scope';

const figures = sql.raw(`count(*)::int as sessions, coalesce(sum(turns), 0)::int as turns,
  coalesce(sum(women), 0)::int as women, coalesce(sum(minority), 0)::int as minority`);

type Dimension = 'total' | 'people' | 'month' | 'topic' | 'unit' | 'format';

interface BucketRow extends Record<string, unknown> {
  dim: Dimension;
  key: string | null;
  sessions: number;
  turns: number;
  women: number;
  minority: number;
}

interface Bucket {
  sessions: number;
  participantTurns: number;
  women: number;
  ethnicMinority: number;
}

export async function computeSummary(
  db: DbExecutor,
  scope: UnitScope,
  query: ReportQuery,
  now: Date,
): Promise<ReportSummary> {
  const result = await db.execute<BucketRow>(sql`${sessionTurnsWith(scope, query)}
    select 'total' as dim, null as key, ${figures} from session_turns
    union all
    select 'people', null, count(distinct a.participant_id)::int, 0, 0, 0
      from attendance a join session_turns st on st.id = a.session_id
      where not a.deleted and st.attendance_mode = 'roster'
    union all
    select 'month', month, ${figures} from session_turns group by month
    union all
    select 'unit', unit_id::text, ${figures} from session_turns group by unit_id
    union all
    select 'format', format, ${figures} from session_turns group by format
    union all
    select 'topic', topic_id::text, ${figures}
      from session_turns cross join lateral (select distinct unnest(topic_ids) as topic_id) t
      group by topic_id`);

  const rows = result.rows;
  const total = rows.find((r) => r.dim === 'total');
  const sessions = total?.sessions ?? 0;
  const turns = total?.turns ?? 0;
  const women = total?.women ?? 0;
  const minority = total?.minority ?? 0;
  const buckets = (dim: Dimension) =>
    rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key ?? '', bucket: toBucket(r) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return {
    sessions,
    participantTurns: turns,
    uniqueParticipants: rows.find((r) => r.dim === 'people')?.sessions ?? 0,
    women: { turns: women, pct: percent(women, turns) },
    ethnicMinority: { turns: minority, pct: percent(minority, turns) },
    byMonth: buckets('month').map(({ key, bucket }) => ({ month: key, ...bucket })),
    byTopic: buckets('topic').map(({ key, bucket }) => ({ topicId: key, ...bucket })),
    byUnit: buckets('unit').map(({ key, bucket }) => ({ unitId: key, ...bucket })),
    byFormat: buckets('format')
      .map(({ key, bucket }) => ({ format: key as SessionFormat, ...bucket }))
      .sort((a, b) => sessionFormats.indexOf(a.format) - sessionFormats.indexOf(b.format)),
    plan: await loadPlanProgress(db, scope, query, { sessions, participantTurns: turns }, now),
  };
}

function toBucket(row: BucketRow): Bucket {
  return { sessions: row.sessions, participantTurns: row.turns, women: row.women, ethnicMinority: row.minority };
}
