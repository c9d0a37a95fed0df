import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  percent,
  rosterTotals,
  sessionTurns,
  summarise,
  type CountedParticipant,
  type SummarySession,
} from '#domain/rules/report-totals';

const people: Record<string, CountedParticipant> = {
  p1: { gender: 'female', ethnicity: '08' },
  p2: { gender: 'male', ethnicity: '01' },
  p3: { gender: 'female', ethnicity: '01' },
  p4: { gender: 'female', ethnicity: 'undisclosed' },
  p5: { gender: 'male', ethnicity: '03' },
  p6: { gender: 'other', ethnicity: 'foreign' },
};
const participantsById = new Map(Object.entries(people));

const session = (id: string, over: Partial<SummarySession>): SummarySession => ({
  id,
  attendanceMode: 'roster',
  headcount: null,
  status: 'submitted',
  startDate: '2026-03-08',
  format: 'training',
  topicIds: ['t1'],
  ...over,
});

const sessions = [
  session('s1', {}),
  session('s2', { status: 'approved', startDate: '2026-04-02', format: 'communication', topicIds: ['t2'] }),
  session('s3', {
    attendanceMode: 'headcount',
    headcount: { total: 40, women: 25, ethnicMinority: 30 },
    startDate: '2026-04-20',
    format: 'event',
  }),
  session('s4', { status: 'draft', startDate: '2026-05-01' }),
  session('s5', { startDate: '2026-05-15', format: 'talk', topicIds: ['t2'] }),
];

const rows = (...ids: string[]) => ids.map((participantId) => ({ participantId }));
const attendanceBySession = new Map([
  ['s1', rows('p1', 'p2', 'p3')],
  ['s2', rows('p1', 'p4', 'p5', 'p6')],
  ['s4', rows('p2', 'p5')],
  // px is not in the registry given: still a turn and a person, neither woman nor minority.
  ['s5', rows('p1', 'px')],
]);

describe('percent', () => {
  it('rounds half up to one decimal', () => {
    expect([percent(1, 3), percent(2, 3), percent(201, 400), percent(7, 7)]).toEqual([33.3, 66.7, 50.3, 100]);
  });

  it('is 0 when there is nothing to divide by', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
  });

  it('stays between 0 and 100 for a part of a whole', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const pct = percent(Math.min(a, b), Math.max(a, b));
        return pct >= 0 && pct <= 100;
      }),
    );
  });
});

describe('rosterTotals', () => {
  it('counts people, women, and ethnic minorities other than Kinh, foreign or undisclosed', () => {
    expect(rosterTotals(Object.values(people))).toEqual({ people: 6, women: 3, ethnicMinority: 2 });
    expect(rosterTotals([])).toEqual({ people: 0, women: 0, ethnicMinority: 0 });
  });
});

describe('sessionTurns', () => {
  it('counts the roster participants in roster mode, ignoring any headcount', () => {
    const roster = [people.p1, people.p2, people.p5].filter((p) => p !== undefined);
    expect(
      sessionTurns({ attendanceMode: 'roster', headcount: { total: 99, women: 9, ethnicMinority: 9 } }, roster),
    ).toEqual({ turns: 3, women: 1, ethnicMinority: 2 });
  });

  it('takes the headcount numbers in headcount mode, and zeros without one', () => {
    expect(
      sessionTurns({ attendanceMode: 'headcount', headcount: { total: 40, women: 25, ethnicMinority: 30 } }, []),
    ).toEqual({ turns: 40, women: 25, ethnicMinority: 30 });
    expect(sessionTurns({ attendanceMode: 'headcount', headcount: null }, [])).toEqual({
      turns: 0,
      women: 0,
      ethnicMinority: 0,
    });
  });
});

describe('summarise', () => {
  it('adds up turns across sessions and counts each roster person once', () => {
    expect(summarise(sessions, attendanceBySession, participantsById)).toEqual({
      sessions: 5,
      participantTurns: 51,
      uniqueParticipants: 7,
      women: { turns: 30, pct: 58.8 },
      ethnicMinority: { turns: 35, pct: 68.6 },
    });
  });

  it('keeps only the statuses asked for', () => {
    expect(summarise(sessions, attendanceBySession, participantsById, { statuses: ['submitted', 'approved'] })).toEqual(
      {
        sessions: 4,
        participantTurns: 49,
        uniqueParticipants: 7,
        women: { turns: 30, pct: 61.2 },
        ethnicMinority: { turns: 34, pct: 69.4 },
      },
    );
  });

  it('filters on start date, inclusive at both ends', () => {
    expect(
      summarise(sessions, attendanceBySession, participantsById, { from: '2026-04-02', to: '2026-04-20' }),
    ).toEqual({
      sessions: 2,
      participantTurns: 44,
      uniqueParticipants: 4,
      women: { turns: 27, pct: 61.4 },
      ethnicMinority: { turns: 32, pct: 72.7 },
    });
  });

  it('filters on topic and format', () => {
    expect(summarise(sessions, attendanceBySession, participantsById, { topicId: 't1', format: 'training' })).toEqual({
      sessions: 2,
      participantTurns: 5,
      uniqueParticipants: 4,
      women: { turns: 2, pct: 40 },
      ethnicMinority: { turns: 2, pct: 40 },
    });
  });

  it('counts a person listed twice at one session once', () => {
    const twice = new Map([['s1', rows('p1', 'p1')]]);
    expect(summarise([session('s1', {})], twice, participantsById).participantTurns).toBe(1);
  });

  it('reports zeros, and 0 %, when nothing matches', () => {
    expect(summarise([], new Map(), participantsById)).toEqual({
      sessions: 0,
      participantTurns: 0,
      uniqueParticipants: 0,
      women: { turns: 0, pct: 0 },
      ethnicMinority: { turns: 0, pct: 0 },
    });
  });
});
