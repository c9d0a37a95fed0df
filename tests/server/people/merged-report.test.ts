// The seed's shape (issue 13): Nghệ An reports "10,390 lượt cán bộ" made by "4,360 cán bộ". A generated year
// of 350 roster sessions where 4,360 people made 10,390 turns, 300 of them also registered a second time in
// another unit (and attending one session under it), reads 4,660 people until the planted duplicates are
// merged, and exactly 4,360 people and 10,390 turns after — in the summary, the XLSX summary sheet and the
// CSV's turns. On every database target.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '#domain/schemas/report';
import { spaces, units, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { parseCsv, readXlsx } from '../exports/read-export';

const PEOPLE = 4360;
const TURNS = 10390;
const SESSIONS = 350;
const SECOND_REGISTRATIONS = 300;
const YEAR = 'from=2026-01-01&to=2026-12-31';

const uuidOf = (text: string) => `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17))::uuid`;

/**
 * Turn t (0…10,389) is person 7t mod 4,360 at session t mod 350: every person comes two or three times, never
 * twice to one session. Person 13d (d < 300) made their second turn (t ≥ 4,360) under a second registration.
 */
async function generateYear(t: TestApp): Promise<void> {
  const [space] = await t.db.select().from(spaces).where(eq(spaces.provinceCode, '40'));
  const unitIds = (await t.db.select({ id: units.id }).from(units).where(eq(units.spaceId, space!.id)))
    .map((u) => u.id)
    .sort();
  const [trainer] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'trainer.na'));
  const unitsSql = `array[${unitIds.map((id) => `'${id}'`).join(',')}]::uuid[]`;
  const n = unitIds.length;
  const common = `'${space!.id}'::uuid, 1, false, now(), now()`;
  await t.db.execute(
    sql.raw(`
    insert into participants (id, unit_id, full_name, gender, birth_year, ethnicity, consent_method, consent_at,
      space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'p' || i`)}, (${unitsSql})[1 + i % ${n}], 'Cán bộ số ' || i,
      case when i % 3 = 0 then 'male' else 'female' end, 1970 + i % 30, (array['01','03','08'])[1 + i % 3],
      'signed', date '2026-01-01' + (i % 30), ${common}
    from generate_series(0, ${PEOPLE - 1}) i
    union all
    select ${uuidOf(`'d' || d`)}, (${unitsSql})[1 + (13 * d + 1) % ${n}], 'CAN BO SO ' || (13 * d),
      case when (13 * d) % 3 = 0 then 'male' else 'female' end, 1970 + (13 * d) % 30, (array['01','03','08'])[1 + (13 * d) % 3],
      'signed', date '2025-06-01', ${common}
    from generate_series(0, ${SECOND_REGISTRATIONS - 1}) d`),
  );
  await t.db.execute(
    sql.raw(`
    insert into sessions (id, unit_id, trainer_id, format, title, start_date, end_date, province_code, admin_set,
      place_name, attendance_mode, status, submitted_at, space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'s' || i`)}, (${unitsSql})[1 + i % ${n}], '${trainer!.id}'::uuid, 'training', 'Tập huấn số ' || i,
      date '2026-01-05' + i, date '2026-01-05' + i, '40', '2026-07-25', 'Hội trường', 'roster', 'approved', now(), ${common}
    from generate_series(0, ${SESSIONS - 1}) i`),
  );
  await t.db.execute(
    sql.raw(`
    insert into attendance (id, session_id, participant_id, space_id, version, deleted, created_at, updated_at)
    select ${uuidOf(`'a' || t`)}, ${uuidOf(`'s' || (t % ${SESSIONS})`)},
      case when t >= ${PEOPLE} and t < ${2 * PEOPLE} and (7 * t) % ${PEOPLE} % 13 = 0
          and (7 * t) % ${PEOPLE} / 13 < ${SECOND_REGISTRATIONS}
        then ${uuidOf(`'d' || ((7 * t) % ${PEOPLE} / 13)`)}
        else ${uuidOf(`'p' || ((7 * t) % ${PEOPLE})`)} end,
      ${common}
    from generate_series(0, ${TURNS - 1}) t`),
  );
}

describe.each(databaseTargets)('the seed-shaped year on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    await generateYear(t);
    await t.login('organiser.na');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function headline() {
    const response = await t.request(`/api/reports/summary?${YEAR}`);
    const { uniqueParticipants, participantTurns, sessions } = reportSummarySchema.parse(await response.json());
    return { uniqueParticipants, participantTurns, sessions };
  }

  async function exported() {
    const xlsx = readXlsx(await (await t.request(`/api/reports/export.xlsx?${YEAR}&names=0`)).arrayBuffer());
    const summary = xlsx.get('Tổng hợp')!;
    const cell = (label: string) => summary.find((row) => row[0] === label)?.[1];
    const csv = parseCsv((await (await t.request(`/api/reports/export.csv?${YEAR}`)).text()).replace(/^\uFEFF/, ''));
    const turnsColumn = csv[0]!.indexOf('Lượt người');
    const csvTurns = csv.slice(1).reduce((sum, row) => sum + Number(row[turnsColumn]), 0);
    return { people: cell('Số người (theo danh sách)'), turns: cell('Lượt người'), csvTurns };
  }

  it('reads 4,360 people and 10,390 turns once the planted second registrations are merged', async () => {
    expect(await headline()).toEqual({
      uniqueParticipants: PEOPLE + SECOND_REGISTRATIONS,
      participantTurns: TURNS,
      sessions: SESSIONS,
    });

    // Merge what the finder proposes with the top score: exactly the planted pairs.
    const found = await t.request(`/api/people/duplicates?limit=1000`);
    const { groups } = (await found.json()) as { groups: Array<{ confidence: string; people: Array<{ id: string }> }> };
    const high = groups.filter((g) => g.confidence === 'high');
    expect(high).toHaveLength(SECOND_REGISTRATIONS);
    for (const group of high) {
      const [kept, ...rest] = group.people;
      const response = await t.request('/api/people/merges', {
        method: 'POST',
        json: { id: kept!.id, mergedIds: rest.map((p) => p.id) },
      });
      expect(response.status).toBe(201);
    }

    expect(await headline()).toEqual({ uniqueParticipants: PEOPLE, participantTurns: TURNS, sessions: SESSIONS });
    expect(await exported()).toEqual({ people: PEOPLE, turns: TURNS, csvTurns: TURNS });
  });
});
