// GET /api/reports/summary over a generated year with known totals (fixtures.ts): every figure of the
// answer, how each filter changes it, suppression of small counts, and the domain's `summarise` as an
// independent model of the counting rules. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise, type SummaryOptions } from '#domain/rules/report-totals';
import { reportSummarySchema, reportSummarySuppressedSchema, type ReportSummary } from '#domain/schemas/report';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, summariseInputs, type ReportYear, type UnitKey } from './fixtures';

const YEAR = 'from=2026-01-01&to=2026-12-31';
const NA_UNITS: UnitKey[] = ['naRoot', 'g1', 'g2'];
type Figures = [sessions: number, participantTurns: number, women: number, ethnicMinority: number];

describe.each(databaseTargets)('report summary on %s', (kind) => {
  let t: TestApp;
  let year: ReportYear;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ kind });
    year = await buildReportYear(t.db, t.clock.now());
    for (const username of ['organiser.na', 'organiser.lc', 'admin']) cookies[username] = await t.login(username);
  });
  afterAll(async () => {
    await t.close();
  });

  async function summary(query: string, as = 'organiser.na'): Promise<ReportSummary> {
    const response = await t.request(`/api/reports/summary?${query}`, { cookie: cookies[as]! });
    expect(response.status).toBe(200);
    return reportSummarySchema.parse(await response.json());
  }

  const figures = (b: {
    sessions: number;
    participantTurns: number;
    women: number;
    ethnicMinority: number;
  }): Figures => [b.sessions, b.participantTurns, b.women, b.ethnicMinority];
  const byKey = <K extends string>(rows: Array<Record<K, string> & Parameters<typeof figures>[0]>, key: K) =>
    Object.fromEntries(rows.map((row) => [row[key], figures(row)]));

  /** Recounts with `summarise` and compares the totals and every bucket of the answer. */
  function expectModelAgrees(answer: ReportSummary, units: UnitKey[], options: SummaryOptions) {
    const { sessions, attendanceBySession, participantsById } = summariseInputs(year, units);
    const totals = (subset: typeof sessions, extra: SummaryOptions = {}) =>
      summarise(subset, attendanceBySession, participantsById, { ...options, ...extra });
    const { sessions: count, participantTurns, uniqueParticipants, women, ethnicMinority } = answer;
    expect({ sessions: count, participantTurns, uniqueParticipants, women, ethnicMinority }).toEqual(totals(sessions));
    const bucketOf = (t: ReturnType<typeof totals>): Figures => [
      t.sessions,
      t.participantTurns,
      t.women.turns,
      t.ethnicMinority.turns,
    ];
    for (const b of answer.byMonth)
      expect(figures(b)).toEqual(bucketOf(totals(sessions.filter((s) => s.month === b.month))));
    for (const b of answer.byUnit)
      expect(figures(b)).toEqual(bucketOf(totals(sessions.filter((s) => s.unitId === b.unitId))));
    for (const b of answer.byFormat)
      expect(figures(b)).toEqual(bucketOf(totals(sessions.filter((s) => s.format === b.format))));
    for (const b of answer.byTopic) {
      expect(figures(b)).toEqual(bucketOf(totals(sessions.filter((s) => s.topicIds.includes(b.topicId)))));
    }
  }

  it("counts an organiser's year: submitted and approved sessions of the whole province, every figure", async () => {
    const answer = await summary(YEAR);
    const { units, topics } = year;
    expect(answer).toMatchObject({
      sessions: 5,
      participantTurns: 81,
      uniqueParticipants: 7,
      women: { turns: 49, pct: 60.5 },
      ethnicMinority: { turns: 33, pct: 40.7 },
      plan: { targetSessions: 120, targetParticipantTurns: 3000, sessionsPct: 4.2, participantTurnsPct: 2.7 },
    });
    expect(answer.byMonth).toEqual([
      { month: '2026-01', sessions: 2, participantTurns: 54, women: 33, ethnicMinority: 22 },
      { month: '2026-02', sessions: 1, participantTurns: 5, women: 2, ethnicMinority: 3 },
      { month: '2026-03', sessions: 1, participantTurns: 20, women: 12, ethnicMinority: 7 },
      { month: '2026-04', sessions: 1, participantTurns: 2, women: 2, ethnicMinority: 1 },
    ]);
    expect(byKey(answer.byTopic, 'topicId')).toEqual({
      [topics['gender-basics']]: [2, 54, 33, 22],
      [topics['gender-equality-law']]: [2, 24, 15, 9],
      [topics['domestic-violence']]: [2, 25, 14, 10],
    });
    expect(byKey(answer.byUnit, 'unitId')).toEqual({
      [units.g1.id]: [2, 54, 33, 22],
      [units.g2.id]: [2, 25, 14, 10],
      [units.naRoot.id]: [1, 2, 2, 1],
    });
    expect(answer.byFormat).toEqual([
      { format: 'training', sessions: 2, participantTurns: 24, women: 15, ethnicMinority: 9 },
      { format: 'communication', sessions: 1, participantTurns: 50, women: 30, ethnicMinority: 20 },
      { format: 'workshop', sessions: 1, participantTurns: 5, women: 2, ethnicMinority: 3 },
      { format: 'talk', sessions: 1, participantTurns: 2, women: 2, ethnicMinority: 1 },
    ]);
    expectModelAgrees(answer, NA_UNITS, { from: '2026-01-01', to: '2026-12-31', statuses: ['submitted', 'approved'] });
  });

  it('counts people once however many sessions they attend, and only from rosters', async () => {
    const answer = await summary(YEAR);
    expect(answer.uniqueParticipants).toBeLessThan(answer.participantTurns);
    // 11 roster turns (4 + 5 + 2) by 7 people; the 70 headcount turns name nobody.
    expect(answer.uniqueParticipants).toBe(7);
  });

  it('narrows to one grassroots unit, with that unit’s own plan', async () => {
    const answer = await summary(`${YEAR}&unitId=${year.units.g1.id}`);
    expect(answer).toMatchObject({
      sessions: 2,
      participantTurns: 54,
      uniqueParticipants: 4,
      women: { turns: 33, pct: 61.1 },
      ethnicMinority: { turns: 22, pct: 40.7 },
      plan: { targetSessions: 10, targetParticipantTurns: 100, sessionsPct: 20, participantTurnsPct: 54 },
    });
    expect(answer.byUnit).toEqual([
      { unitId: year.units.g1.id, sessions: 2, participantTurns: 54, women: 33, ethnicMinority: 22 },
    ]);
    expectModelAgrees(answer, ['g1'], { from: '2026-01-01', to: '2026-12-31', statuses: ['submitted', 'approved'] });
  });

  it('answers plan null for a unit that has no overall plan', async () => {
    const answer = await summary(`${YEAR}&unitId=${year.units.g2.id}`);
    expect(answer).toMatchObject({ sessions: 2, participantTurns: 25, uniqueParticipants: 5, plan: null });
    expectModelAgrees(answer, ['g2'], { from: '2026-01-01', to: '2026-12-31', statuses: ['submitted', 'approved'] });
  });

  it('narrows to a period by start date, inclusive, leaving out returned and deleted sessions', async () => {
    const answer = await summary('from=2026-02-14&to=2026-02-28');
    expect(answer).toMatchObject({
      sessions: 1,
      participantTurns: 5,
      uniqueParticipants: 5,
      women: { turns: 2, pct: 40 },
      ethnicMinority: { turns: 3, pct: 60 },
      plan: { targetSessions: 120, targetParticipantTurns: 3000, sessionsPct: 0.8, participantTurnsPct: 0.2 },
    });
    expect(answer.byMonth).toEqual([
      { month: '2026-02', sessions: 1, participantTurns: 5, women: 2, ethnicMinority: 3 },
    ]);
    expect((await summary('from=2026-03-06&to=2026-03-19')).sessions).toBe(0);
  });

  it('counts a session with several topics under each, and filters by topic with the topic plans below the root', async () => {
    const violence = await summary(`${YEAR}&topicId=${year.topics['domestic-violence']}`);
    expect(violence).toMatchObject({
      sessions: 2,
      participantTurns: 25,
      uniqueParticipants: 5,
      women: { turns: 14 },
      ethnicMinority: { turns: 10 },
      // No provincial plan for this topic: the two grassroots plans (6/50 and 4/50) add up.
      plan: { targetSessions: 10, targetParticipantTurns: 100, sessionsPct: 20, participantTurnsPct: 25 },
    });
    const basics = await summary(`${YEAR}&topicId=${year.topics['gender-basics']}`);
    expect(basics).toMatchObject({
      sessions: 2,
      participantTurns: 54,
      uniqueParticipants: 4,
      plan: { targetSessions: 20, targetParticipantTurns: 500, sessionsPct: 10, participantTurnsPct: 10.8 },
    });
    expectModelAgrees(violence, NA_UNITS, {
      from: '2026-01-01',
      to: '2026-12-31',
      statuses: ['submitted', 'approved'],
      topicId: year.topics['domestic-violence'],
    });
  });

  it('filters by format', async () => {
    const answer = await summary(`${YEAR}&format=training`);
    expect(answer).toMatchObject({
      sessions: 2,
      participantTurns: 24,
      uniqueParticipants: 4,
      women: { turns: 15 },
      ethnicMinority: { turns: 9 },
    });
    expect(answer.byFormat.map((b) => b.format)).toEqual(['training']);
  });

  it('filters by status: approved only, or drafts and returned sessions when asked', async () => {
    const approved = await summary(`${YEAR}&status=approved`);
    expect(approved).toMatchObject({
      sessions: 3,
      participantTurns: 57,
      uniqueParticipants: 6,
      women: { turns: 34 },
      ethnicMinority: { turns: 24 },
    });
    expectModelAgrees(approved, NA_UNITS, { from: '2026-01-01', to: '2026-12-31', statuses: ['approved'] });
    const unfinished = await summary(`${YEAR}&status=draft,returned`);
    expect(unfinished).toMatchObject({
      sessions: 2,
      participantTurns: 12,
      uniqueParticipants: 2,
      women: { turns: 7 },
      ethnicMinority: { turns: 6 },
    });
  });

  it('takes the plans of every year a period covers, and this year’s when there is no period', async () => {
    const twoYears = await summary('from=2025-01-01&to=2026-12-31');
    expect(twoYears).toMatchObject({
      sessions: 6,
      participantTurns: 89,
      plan: { targetSessions: 220, targetParticipantTurns: 5000, sessionsPct: 2.7, participantTurnsPct: 1.8 },
    });
    const always = await summary('');
    expect(always).toMatchObject({
      sessions: 6,
      participantTurns: 89,
      plan: { targetSessions: 120, targetParticipantTurns: 3000 },
    });
    expectModelAgrees(always, NA_UNITS, { statuses: ['submitted', 'approved'] });
  });

  it("limits another province's organiser to their own province", async () => {
    const answer = await summary(YEAR, 'organiser.lc');
    expect(answer).toMatchObject({
      sessions: 2,
      participantTurns: 31,
      uniqueParticipants: 1,
      women: { turns: 21, pct: 67.7 },
      ethnicMinority: { turns: 26, pct: 83.9 },
      plan: { targetSessions: 150, targetParticipantTurns: 4000, sessionsPct: 1.3, participantTurnsPct: 0.8 },
    });
    expect(answer.byTopic).toEqual([
      { topicId: year.lcTopics['gender-basics'], sessions: 1, participantTurns: 1, women: 1, ethnicMinority: 1 },
    ]);
  });

  it('gives an admin every province, with both provincial plans', async () => {
    const answer = await summary(YEAR, 'admin');
    expect(answer).toMatchObject({
      sessions: 7,
      participantTurns: 112,
      uniqueParticipants: 8,
      women: { turns: 70, pct: 62.5 },
      ethnicMinority: { turns: 59, pct: 52.7 },
      plan: { targetSessions: 270, targetParticipantTurns: 7000, sessionsPct: 2.6, participantTurnsPct: 1.6 },
    });
    expectModelAgrees(answer, ['naRoot', 'g1', 'g2', 'lcRoot', 'lcUnit'], {
      from: '2026-01-01',
      to: '2026-12-31',
      statuses: ['submitted', 'approved'],
    });
  });

  it('answers zeros, not errors, when nothing matches', async () => {
    const answer = await summary('from=2030-01-01&to=2030-12-31');
    expect(answer).toEqual({
      sessions: 0,
      participantTurns: 0,
      uniqueParticipants: 0,
      women: { turns: 0, pct: 0 },
      ethnicMinority: { turns: 0, pct: 0 },
      byMonth: [],
      byTopic: [],
      byUnit: [],
      byFormat: [],
      plan: null,
    });
  });

  it('hides counts of 1–4 in the by-tables with suppressSmall, keeping zeros and the totals', async () => {
    const response = await t.request(`/api/reports/summary?${YEAR}&suppressSmall=1`, {
      cookie: cookies['organiser.na']!,
    });
    const answer = reportSummarySuppressedSchema.parse(await response.json());
    expect(answer).toMatchObject({ suppressed: true, sessions: 5, participantTurns: 81, women: { turns: 49 } });
    expect(answer.byMonth).toEqual([
      { month: '2026-01', sessions: null, participantTurns: 54, women: 33, ethnicMinority: 22 },
      { month: '2026-02', sessions: null, participantTurns: 5, women: null, ethnicMinority: null },
      { month: '2026-03', sessions: null, participantTurns: 20, women: 12, ethnicMinority: 7 },
      { month: '2026-04', sessions: null, participantTurns: null, women: null, ethnicMinority: null },
    ]);
    const lc = await t.request(`/api/reports/summary?${YEAR}&suppressSmall=true`, { cookie: cookies['organiser.lc']! });
    const event = reportSummarySuppressedSchema.parse(await lc.json()).byFormat.find((b) => b.format === 'event');
    expect(event).toEqual({ format: 'event', sessions: null, participantTurns: 30, women: 20, ethnicMinority: 25 });
    expect(reportSummarySchema.safeParse(await summary(YEAR)).success).toBe(true);
  });

  it('refuses malformed filters with 400 invalid and the field', async () => {
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['status=approved,lost', 'status'],
      ['format=party', 'format'],
      ['unitId=nope', 'unitId'],
    ]) {
      const response = await t.request(`/api/reports/summary?${query}`, { cookie: cookies['organiser.na']! });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid');
      expect(Object.keys(body.error.fields)).toContain(field);
    }
  });
});
