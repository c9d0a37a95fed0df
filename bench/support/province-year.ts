// A province-year in bulk SQL (docs/architecture.md §6: a province logs about 3,000 sessions a year): 8,000 people, 3,000
// sessions in 2026 across Nghệ An's root and grassroots units (70% roster, 30% headcount; mostly submitted or
// approved, some drafts and returned), and ~80,000 attendance rows. generate_series keeps it to four
// statements, so it loads in seconds on PGlite and PostgreSQL alike. Ids are md5-derived UUIDs (version 4
// bits set); the same rows on every backend. `year` loads another year beside it (ids tagged with the year, its
// own 8,000 people); `reviewed` makes every session of that year approved, as a past year's would be.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/database';
import { spaces, topics, units, users } from '#server/db/schema';

export const YEAR = { people: 8000, sessions: 3000 } as const;

const uuidOf = (text: string) => `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17))::uuid`;
const uuidArray = (ids: string[]) => `array[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`;

export interface ProvinceYear {
  sessions: number;
  attendance: number;
  people: number;
}

export interface ProvinceYearOptions {
  /** `false` leaves the planner without statistics, as a PGlite server is today (it has no autovacuum). */
  analyze: boolean;
  /** The sessions' year; 2026 unless told (its ids are untagged, as before years were added). */
  year?: number;
  /** Every session approved (a past year), instead of the mix of drafts, submitted, returned and approved. */
  reviewed?: boolean;
}

export async function generateProvinceYear(db: Db, options: ProvinceYearOptions): Promise<ProvinceYear> {
  const year = options.year ?? 2026;
  const tag = year === 2026 ? '' : `${year}.`;
  const status = options.reviewed
    ? `'approved'`
    : `case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'returned' when i % 3 = 0 then 'submitted' else 'approved' end`;
  const [space] = await db.select().from(spaces).where(eq(spaces.provinceCode, '40'));
  if (!space) throw new Error('the demo seed has no Nghệ An space');
  const unitIds = (await db.select({ id: units.id }).from(units).where(eq(units.spaceId, space.id))).map((u) => u.id);
  const topicIds = (await db.select({ id: topics.id }).from(topics).where(eq(topics.spaceId, space.id))).map(
    (t) => t.id,
  );
  const [trainer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'trainer.na'));
  if (!trainer || unitIds.length === 0 || topicIds.length < 6) throw new Error('the demo seed is not as expected');
  const version = Number(space.version) + 1;
  const common = `'${space.id}'::uuid, ${version}, false, now(), now()`;
  const unitsSql = uuidArray(unitIds);
  const topicsSql = uuidArray(topicIds);
  const n = topicIds.length;

  await db.execute(
    sql.raw(`
    insert into participants (id, unit_id, full_name, gender, birth_year, ethnicity, workplace, union_role,
      consent_method, consent_at, space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'p${tag}' || i`)}, (${unitsSql})[1 + i % ${unitIds.length}], 'Người tham dự số ' || i,
      case when i % 8 < 5 then 'female' when i % 97 = 0 then 'other' else 'male' end, 1960 + i % 45,
      (array['03','03','23','08','01','01','21','54','undisclosed','foreign'])[1 + i % 10], 'Trường THPT Con Cuông',
      'member', 'signed', date '2026-01-01', ${common}
    from generate_series(0, ${YEAR.people - 1}) i`),
  );

  await db.execute(
    sql.raw(`
    insert into sessions (id, unit_id, trainer_id, format, title, topic_ids, start_date, end_date, province_code,
      admin_set, place_name, attendance_mode, headcount_total, headcount_women, headcount_ethnic_minority, status,
      submitted_at, space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'s${tag}' || i`)}, (${unitsSql})[1 + i % ${unitIds.length}], '${trainer.id}'::uuid,
      (array['training','communication','workshop','roundtable','talk','counselling','contest','event','club','other'])[1 + i % 10],
      'Buổi tập huấn số ' || i,
      case when i % 3 = 0 then array[(${topicsSql})[1 + i % ${n}], (${topicsSql})[1 + (i + 5) % ${n}]]
        else array[(${topicsSql})[1 + i % ${n}]] end,
      date '${year}-01-01' + (i % 365), date '${year}-01-01' + (i % 365) + (case when i % 20 = 0 then 2 else 0 end),
      '40', '2026-07-25', 'Hội trường xã Môn Sơn',
      case when i % 10 < 7 then 'roster' else 'headcount' end,
      case when i % 10 < 7 then null else 20 + i % 60 end,
      case when i % 10 < 7 then null else (20 + i % 60) * 6 / 10 end,
      case when i % 10 < 7 then null else (20 + i % 60) * 4 / 10 end,
      ${status},
      case when i % 20 = 0 and ${!options.reviewed} then null else now() end, ${common}
    from generate_series(0, ${YEAR.sessions - 1}) i`),
  );

  // Roster sizes 10–66 (about 38 on average); person (i * 37 + j) is distinct for every j of session i.
  await db.execute(
    sql.raw(`
    insert into attendance (id, session_id, participant_id, space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'a${tag}' || i || '.' || j`)}, ${uuidOf(`'s${tag}' || i`)}, ${uuidOf(`'p${tag}' || ((i * 37 + j) % ${YEAR.people})`)}, ${common}
    from generate_series(0, ${YEAR.sessions - 1}) i cross join lateral generate_series(0, 9 + (i * 13) % 57) j
    where i % 10 < 7`),
  );

  await db.update(spaces).set({ version }).where(eq(spaces.id, space.id));
  // PostgreSQL's autovacuum would analyze a table that grew like this; PGlite has no autovacuum.
  if (options.analyze) await db.execute(sql`analyze`);
  const counted = await db.execute<{ sessions: number; attendance: number; people: number }>(sql`
    select (select count(*)::int from sessions) as sessions, (select count(*)::int from attendance) as attendance,
      (select count(*)::int from participants) as people`);
  return counted.rows[0]!;
}
