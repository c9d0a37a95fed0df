// The evidence an organiser compares records by (issue 13): unit, sessions attended (how many, and the
// latest few), gender, ethnicity, phone, workplace, consent — for the records a group names, in one statement.
import { sql } from 'drizzle-orm';
import type { PersonEvidence } from '#domain/schemas/people';
import type { ConsentMethod, Gender, UnionRole } from '#domain/schemas/participant';
import type { DbExecutor } from '../db/database';

export const RECENT_SESSIONS = 3;

interface EvidenceRow extends Record<string, unknown> {
  id: string;
  unit_id: string;
  unit_name: string;
  full_name: string;
  gender: Gender;
  birth_year: number | null;
  ethnicity: string | null;
  phone: string | null;
  workplace: string | null;
  position: string | null;
  union_role: UnionRole | null;
  consent_method: ConsentMethod;
  consent_at: string;
  created_at: Date | string;
  sessions_attended: number;
  recent: Array<{ id: string; title: string; startDate: string }> | string | null;
}

export async function loadEvidence(db: DbExecutor, ids: readonly string[]): Promise<Map<string, PersonEvidence>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<EvidenceRow>(sql`
    select p.id::text as id, p.unit_id::text as unit_id, u.name as unit_name, p.full_name, p.gender, p.birth_year,
      p.ethnicity, p.phone, p.workplace, p.position, p.union_role, p.consent_method, p.consent_at::text as consent_at,
      p.created_at,
      (select count(distinct a.session_id)::int from attendance a join sessions s on s.id = a.session_id
        where a.participant_id = p.id and not a.deleted and not s.deleted) as sessions_attended,
      (select json_agg(r) from (
        select s.id, s.title, s.start_date::text as "startDate" from attendance a join sessions s on s.id = a.session_id
        where a.participant_id = p.id and not a.deleted and not s.deleted
        order by s.start_date desc, s.id limit ${RECENT_SESSIONS}
      ) r) as recent
    from participants p join units u on u.id = p.unit_id
    where p.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(result.rows.map((row) => [row.id, evidenceOf(row)]));
}

function evidenceOf(row: EvidenceRow): PersonEvidence {
  const recent = typeof row.recent === 'string' ? (JSON.parse(row.recent) as EvidenceRow['recent']) : row.recent;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fullName: row.full_name,
    gender: row.gender,
    birthYear: row.birth_year,
    ethnicity: row.ethnicity,
    phone: row.phone,
    workplace: row.workplace,
    position: row.position,
    unionRole: row.union_role,
    consent: { method: row.consent_method, at: row.consent_at },
    createdAt: new Date(row.created_at).toISOString(),
    sessionsAttended: Number(row.sessions_attended),
    recentSessions: Array.isArray(recent) ? recent : [],
  };
}
