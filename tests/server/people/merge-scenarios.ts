// The records both merge tests start from, over the report year of tests/server/reports/fixtures.ts: second
// registrations of people the year holds (the endpoint's test, merge.test.ts, and the pushed mutation's,
// merge-mutation.test.ts, run the same cases, so that the two ways of merging are seen to do the same), the
// sessions that name them, and the reads both make of what a merge wrote.
import { eq } from 'drizzle-orm';
import { attendance, participants } from '#server/db/schema';
import type { TestApp } from '../../support/test-app';
import {
  insertParticipant,
  insertSession,
  type ParticipantSpec,
  type ReportYear,
  type SessionSpec,
} from '../reports/fixtures';

/** Second registrations, by the key they get in `year.participants`. */
export const registrations = {
  /** p2 again, in another unit. */
  p2b: { unit: 'g2', fullName: 'Nguyen Thi Hang', gender: 'female', ethnicity: '01', birthYear: 1990 },
  /** p3 again, in p3's unit. */
  p3b: { unit: 'g1', fullName: 'VU BA DE', gender: 'male', ethnicity: '08', birthYear: 1979 },
  /** One person in two units, for who may merge them. */
  g1a: { unit: 'g1', fullName: 'Hà Văn Nam', gender: 'male', ethnicity: '01', birthYear: 1980 },
  g2a: { unit: 'g2', fullName: 'Ha Van Nam', gender: 'male', ethnicity: '01', birthYear: 1980 },
  /** p4 again in another unit, with the ethnicity unanswered where p4 answered it. */
  p4b: { unit: 'g1', fullName: 'Anna Schmidt', gender: 'female', ethnicity: null, birthYear: 1992 },
} satisfies Record<string, ParticipantSpec>;

/** Sessions naming them, by the key they get in `year.sessions`. */
export const rosters = {
  /** An approved talk that p2b attended (with p5). */
  sA: {
    unit: 'g2',
    format: 'talk',
    title: 'Nói chuyện',
    start: '2026-05-02',
    topics: [],
    status: 'approved',
    roster: ['p2b', 'p5'],
  },
  /** A three-day training that both p3 and p3b attended. */
  sB: {
    unit: 'g1',
    format: 'training',
    title: 'Lớp ba ngày',
    start: '2026-06-01',
    end: '2026-06-03',
    topics: [],
    status: 'submitted',
    roster: ['p3', 'p3b'],
  },
} satisfies Record<string, SessionSpec>;

/** Adds records to the year and reads what a merge wrote; `t` and `year` are read when called (beforeAll sets them). */
export function mergeScenario(app: () => { t: TestApp; year: ReportYear }) {
  /** Registers one of `registrations`, or another person under its own key. */
  function person(key: keyof typeof registrations): Promise<string>;
  function person(key: string, spec: ParticipantSpec): Promise<string>;
  async function person(key: string, spec?: ParticipantSpec): Promise<string> {
    const { t, year } = app();
    const given = spec ?? registrations[key as keyof typeof registrations];
    year.participants[key] = await insertParticipant(t.db, year, given, t.clock.now());
    return year.participants[key];
  }
  const session = async (key: keyof typeof rosters): Promise<string> => {
    const { t, year } = app();
    year.sessions[key] = await insertSession(t.db, year, rosters[key], t.clock.now());
    return year.sessions[key];
  };
  const row = async (id: string) => (await app().t.db.select().from(participants).where(eq(participants.id, id)))[0]!;
  const rowsOf = (sessionId: string) => app().t.db.select().from(attendance).where(eq(attendance.sessionId, sessionId));
  /** sB's days: the person kept came on day 1, the second registration on days 2 and 3. */
  const splitDays = async (sessionId: string, keptId: string): Promise<void> => {
    for (const r of await rowsOf(sessionId)) {
      await app()
        .t.db.update(attendance)
        .set({ days: r.participantId === keptId ? [1] : [2, 3] })
        .where(eq(attendance.id, r.id));
    }
  };
  return { person, session, row, rowsOf, splitDays };
}
