// A reporting year with known totals, written straight into a seeded test database (demo spaces, units,
// users, topics and the seeded 2026 plans): Nghệ An's root and two grassroots units, roster and headcount
// sessions, people attending several sessions, every kind of ethnicity answer, drafts, a returned and a
// deleted session, a deleted attendance row, more plans; and two Lào Cai sessions. The same specification is
// returned in the domain's shapes, so tests can recount it with `summarise` as an independent model.
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Gender } from '#domain/schemas/participant';
import type { Headcount, SessionFormat, SessionStatus } from '#domain/schemas/session';
import type { Db } from '#server/db/database';
import { attendance, participants, plans, sessions, topics, units, users } from '#server/db/schema';
import { nextSpaceVersion } from '#server/db/versions';
import type { SummarySession } from '#domain/rules/report-totals';

export const UNIT_NAMES = {
  naRoot: 'LĐLĐ Nghệ An',
  g1: 'CĐCS THPT Con Cuông',
  g2: 'CĐCS BVĐK Tương Dương',
  lcRoot: 'LĐLĐ Lào Cai',
  lcUnit: 'CĐCS Apatit Việt Nam',
} as const;
export type UnitKey = keyof typeof UNIT_NAMES;
export type TopicKey = 'gender-basics' | 'gender-equality-law' | 'domestic-violence';

export interface ParticipantSpec {
  unit: UnitKey;
  fullName: string;
  gender: Gender;
  ethnicity: string | null;
  birthYear: number;
}
export interface SessionSpec {
  unit: UnitKey;
  format: SessionFormat;
  title: string;
  start: string;
  end?: string;
  topics: TopicKey[];
  status: SessionStatus;
  roster?: string[];
  deletedRoster?: string[];
  headcount?: Headcount;
  deleted?: boolean;
}

export const participantSpecs: Record<string, ParticipantSpec> = {
  p1: { unit: 'g1', fullName: 'Lò Thị Xuân', gender: 'female', ethnicity: '03', birthYear: 1985 }, // Thái
  p2: { unit: 'g1', fullName: 'Nguyễn Thị Hằng', gender: 'female', ethnicity: '01', birthYear: 1990 }, // Kinh
  p3: { unit: 'g1', fullName: 'Vừ Bá Dế', gender: 'male', ethnicity: '08', birthYear: 1979 }, // Mông
  p4: { unit: 'g2', fullName: 'Anna Schmidt', gender: 'female', ethnicity: 'foreign', birthYear: 1992 },
  p5: { unit: 'g2', fullName: 'Trần Văn Đức', gender: 'male', ethnicity: 'undisclosed', birthYear: 1988 },
  p6: { unit: 'g2', fullName: 'Phạm Thị Ánh', gender: 'female', ethnicity: null, birthYear: 1995 },
  p7: { unit: 'g2', fullName: 'Lầu Y Sênh', gender: 'other', ethnicity: '23', birthYear: 2000 }, // Khơ Mú
  p8: { unit: 'lcUnit', fullName: 'Giàng Thị Say', gender: 'female', ethnicity: '08', birthYear: 1991 }, // Mông
};

export const sessionSpecs: Record<string, SessionSpec> = {
  s1: {
    unit: 'g1',
    format: 'training',
    title: 'Tập huấn kiến thức cơ bản về giới',
    start: '2026-01-10',
    topics: ['gender-basics', 'gender-equality-law'],
    status: 'submitted',
    roster: ['p1', 'p2', 'p3', 'p4'],
  },
  s2: {
    unit: 'g1',
    format: 'communication',
    title: 'Tuyên truyền Luật Bình đẳng giới tại bản Xiềng',
    start: '2026-01-25',
    topics: ['gender-basics'],
    status: 'approved',
    headcount: { total: 50, women: 30, ethnicMinority: 20 },
  },
  s3: {
    unit: 'g2',
    format: 'workshop',
    title: 'Hội thảo phòng, chống bạo lực gia đình',
    start: '2026-02-14',
    topics: ['domestic-violence'],
    status: 'approved',
    roster: ['p1', 'p3', 'p5', 'p6', 'p7'],
    deletedRoster: ['p2'],
  },
  s4: {
    unit: 'g2',
    format: 'training',
    title: 'Lớp tập huấn ba ngày, Tương Dương',
    start: '2026-03-03',
    end: '2026-03-05',
    topics: ['gender-equality-law', 'domestic-violence'],
    status: 'submitted',
    headcount: { total: 20, women: 12, ethnicMinority: 7 },
  },
  s5: {
    unit: 'g1',
    format: 'talk',
    title: 'Bản nháp',
    start: '2026-03-20',
    topics: [],
    status: 'draft',
    roster: ['p1', 'p2'],
  },
  s6: {
    unit: 'g2',
    format: 'club',
    title: 'Sinh hoạt câu lạc bộ',
    start: '2026-02-20',
    topics: ['gender-basics'],
    status: 'returned',
    headcount: { total: 10, women: 5, ethnicMinority: 5 },
  },
  s7: {
    unit: 'g1',
    format: 'training',
    title: 'Buổi đã xoá',
    start: '2026-02-01',
    topics: ['gender-basics'],
    status: 'approved',
    roster: ['p1'],
    deleted: true,
  },
  s8: {
    unit: 'naRoot',
    format: 'talk',
    title: 'Nói chuyện chuyên đề tại Liên đoàn',
    start: '2026-04-10',
    topics: [],
    status: 'approved',
    roster: ['p1', 'p2'],
  },
  s9: {
    unit: 'g1',
    format: 'communication',
    title: 'Tuyên truyền cuối năm 2025',
    start: '2025-12-15',
    topics: [],
    status: 'approved',
    headcount: { total: 8, women: 4, ethnicMinority: 0 },
  },
  s10: {
    unit: 'lcUnit',
    format: 'communication',
    title: 'Tuyên truyền tại Apatit',
    start: '2026-05-05',
    topics: ['gender-basics'],
    status: 'approved',
    roster: ['p8'],
  },
  s11: {
    unit: 'lcUnit',
    format: 'event',
    title: 'Mít tinh ngày 8/3',
    start: '2026-06-01',
    topics: [],
    status: 'approved',
    headcount: { total: 30, women: 20, ethnicMinority: 25 },
  },
};

export interface ReportYear {
  units: Record<UnitKey, { id: string; spaceId: string }>;
  /** Topic ids by key, in Nghệ An's space (and Lào Cai's under `lcTopics`). */
  topics: Record<TopicKey, string>;
  lcTopics: Record<TopicKey, string>;
  participants: Record<string, string>;
  sessions: Record<string, string>;
  trainers: { na: string; lc: string };
}

const lc = (unit: UnitKey) => unit === 'lcRoot' || unit === 'lcUnit';

export async function buildReportYear(db: Db, now: Date): Promise<ReportYear> {
  const unitRows = await db.select().from(units);
  const unitIds = Object.fromEntries(
    Object.entries(UNIT_NAMES).map(([key, shortName]) => {
      const row = unitRows.find((u) => u.shortName === shortName);
      if (!row) throw new Error(`no seeded unit ${shortName}`);
      return [key, { id: row.id, spaceId: row.spaceId }];
    }),
  ) as ReportYear['units'];
  const topicIdsIn = async (spaceId: string) => {
    const rows = await db.select().from(topics).where(eq(topics.spaceId, spaceId));
    const byKey = (key: TopicKey) => rows.find((t) => t.key === key)!.id;
    return {
      'gender-basics': byKey('gender-basics'),
      'gender-equality-law': byKey('gender-equality-law'),
      'domestic-violence': byKey('domestic-violence'),
    };
  };
  const trainerId = async (username: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const year: ReportYear = {
    units: unitIds,
    topics: await topicIdsIn(unitIds.naRoot.spaceId),
    lcTopics: await topicIdsIn(unitIds.lcRoot.spaceId),
    participants: {},
    sessions: {},
    trainers: { na: await trainerId('trainer.na'), lc: await trainerId('trainer.lc') },
  };

  for (const [key, spec] of Object.entries(participantSpecs)) {
    year.participants[key] = await insertParticipant(db, year, spec, now);
  }
  for (const [key, spec] of Object.entries(sessionSpecs)) {
    year.sessions[key] = await insertSession(db, year, spec, now);
  }
  const naTopics = year.topics;
  await insertPlan(db, year, 'g1', 2026, null, 10, 100, now);
  await insertPlan(db, year, 'naRoot', 2026, naTopics['gender-basics'], 20, 500, now);
  await insertPlan(db, year, 'naRoot', 2025, null, 100, 2000, now);
  await insertPlan(db, year, 'g1', 2026, naTopics['domestic-violence'], 6, 50, now);
  await insertPlan(db, year, 'g2', 2026, naTopics['domestic-violence'], 4, 50, now);
  return year;
}

export async function insertParticipant(db: Db, year: ReportYear, spec: ParticipantSpec, now: Date): Promise<string> {
  const unit = year.units[spec.unit];
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, unit.spaceId);
    await tx.insert(participants).values({
      id,
      unitId: unit.id,
      fullName: spec.fullName,
      gender: spec.gender,
      ethnicity: spec.ethnicity,
      birthYear: spec.birthYear,
      unionRole: 'member',
      workplace: 'Trường THPT Con Cuông',
      consentMethod: 'signed',
      consentAt: '2026-01-01',
      spaceId: unit.spaceId,
      version,
      createdAt: now,
      updatedAt: now,
    });
  });
  return id;
}

/** Inserts a session (with its attendance) as the space's trainer recorded it. */
export async function insertSession(db: Db, year: ReportYear, spec: SessionSpec, now: Date): Promise<string> {
  const unit = year.units[spec.unit];
  const topicIds = lc(spec.unit) ? year.lcTopics : year.topics;
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, unit.spaceId);
    await tx.insert(sessions).values({
      id,
      unitId: unit.id,
      trainerId: lc(spec.unit) ? year.trainers.lc : year.trainers.na,
      format: spec.format,
      title: spec.title,
      topicIds: spec.topics.map((key) => topicIds[key]),
      startDate: spec.start,
      endDate: spec.end ?? spec.start,
      provinceCode: lc(spec.unit) ? '15' : '40',
      adminSet: '2026-07-25',
      placeName: 'Hội trường',
      attendanceMode: spec.headcount ? 'headcount' : 'roster',
      headcountTotal: spec.headcount?.total ?? null,
      headcountWomen: spec.headcount?.women ?? null,
      headcountEthnicMinority: spec.headcount?.ethnicMinority ?? null,
      status: spec.status,
      deleted: spec.deleted ?? false,
      spaceId: unit.spaceId,
      version,
      createdAt: now,
      updatedAt: now,
    });
    const rows = [
      ...(spec.roster ?? []).map((p) => ({ p, deleted: false })),
      ...(spec.deletedRoster ?? []).map((p) => ({ p, deleted: true })),
    ];
    for (const { p, deleted } of rows) {
      await tx.insert(attendance).values({
        id: uuidv7(),
        sessionId: id,
        participantId: year.participants[p]!,
        deleted,
        spaceId: unit.spaceId,
        version,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  return id;
}

async function insertPlan(
  db: Db,
  year: ReportYear,
  unitKey: UnitKey,
  planYear: number,
  topicId: string | null,
  targetSessions: number,
  targetParticipantTurns: number,
  now: Date,
): Promise<void> {
  const unit = year.units[unitKey];
  await db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, unit.spaceId);
    await tx.insert(plans).values({
      id: uuidv7(),
      unitId: unit.id,
      year: planYear,
      topicId,
      targetSessions,
      targetParticipantTurns,
      spaceId: unit.spaceId,
      version,
      createdAt: now,
      updatedAt: now,
    });
  });
}

/** The fixture in the shapes `summarise` takes, limited to the given units; deleted sessions left out. */
export function summariseInputs(year: ReportYear, unitKeys: readonly UnitKey[]) {
  const idOf = (key: string) => year.sessions[key]!;
  const sessionsIn = Object.entries(sessionSpecs).filter(([, s]) => unitKeys.includes(s.unit) && !s.deleted);
  const model: Array<SummarySession & { unitId: string; month: string }> = sessionsIn.map(([key, s]) => ({
    id: idOf(key),
    unitId: year.units[s.unit].id,
    month: s.start.slice(0, 7),
    attendanceMode: s.headcount ? 'headcount' : 'roster',
    headcount: s.headcount ?? null,
    status: s.status,
    startDate: s.start,
    format: s.format,
    topicIds: s.topics.map((t) => (lc(s.unit) ? year.lcTopics : year.topics)[t]),
  }));
  const attendanceBySession = new Map(
    sessionsIn.map(([key, s]) => [idOf(key), (s.roster ?? []).map((p) => ({ participantId: year.participants[p]! }))]),
  );
  const participantsById = new Map(
    Object.entries(participantSpecs).map(([key, p]) => [
      year.participants[key]!,
      { gender: p.gender, ethnicity: p.ethnicity },
    ]),
  );
  return { sessions: model, attendanceBySession, participantsById };
}
