// person.merge and person.unmerge pushed as synced mutations (issue 13) do what POST /api/people/merges and its
// undo do, over the report year of tests/server/reports/fixtures.ts: one fewer unique person and the same turns,
// the merged record a tombstone naming the person kept, the merge audited; the undo restores the figures; an
// organiser outside a record's subtree, or a trainer, is refused `forbidden`, the 409s of the endpoint are
// refused `conflict`; a replay applies nothing twice. On every database target.
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '#domain/schemas/report';
import { auditLog, participantMerges } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, type ReportYear } from '../reports/fixtures';
import { mergeScenario } from './merge-scenarios';
import { addUser, signIn, type Actor } from '../sync/sync-fixtures';

const YEAR = 'from=2026-01-01&to=2026-12-31';

describe.each(databaseTargets)('person.merge pushed on %s', (kind) => {
  let t: TestApp;
  let year: ReportYear;
  let organiser: Actor;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    year = await buildReportYear(t.db, t.clock.now());
    await addUser(t, 'organiser.g1', 'organiser', 'CĐCS THPT Con Cuông');
    organiser = await signIn(t, 'organiser.na');
  });
  afterAll(async () => {
    await t.close();
  });
  const { person, session, row, rowsOf, splitDays } = mergeScenario(() => ({ t, year }));

  async function figures() {
    const response = await t.request(`/api/reports/summary?${YEAR}`, { cookie: organiser.cookie });
    const { uniqueParticipants, participantTurns } = reportSummarySchema.parse(await response.json());
    return { uniqueParticipants, participantTurns };
  }

  it('moves attendance to the person kept: one fewer unique person, the same turns; a pushed undo restores it', async () => {
    const kept = year.participants.p2!;
    const second = await person('p2b');
    const sessionId = await session('sA');
    const before = await figures();
    const mergeId = uuidv7();

    const result = await organiser.one('person.merge', { id: kept, mergeId, mergedIds: [second] });
    expect([result.status, result.error]).toEqual(['applied', undefined]);
    expect(await figures()).toEqual({
      uniqueParticipants: before.uniqueParticipants - 1,
      participantTurns: before.participantTurns,
    });
    expect(await row(second)).toMatchObject({ deleted: true, mergedInto: kept });
    expect((await rowsOf(sessionId)).map((r) => r.participantId).sort()).toEqual([kept, year.participants.p5!].sort());
    const [stored] = await t.db.select().from(participantMerges).where(eq(participantMerges.id, mergeId));
    expect(stored).toMatchObject({ keptId: kept, mergedIds: [second], mergedBy: organiser.user.id, undoneAt: null });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.merge'), eq(auditLog.entityId, kept)));
    expect(audit).toHaveLength(1);

    expect((await organiser.one('person.unmerge', { id: kept, mergeId })).status).toBe('applied');
    expect(await figures()).toEqual(before);
    expect(await row(second)).toMatchObject({ deleted: false, mergedInto: null });
    expect((await rowsOf(sessionId)).map((r) => r.participantId).sort()).toEqual(
      [second, year.participants.p5!].sort(),
    );
    expect(await organiser.one('person.unmerge', { id: kept, mergeId })).toMatchObject({
      status: 'rejected',
      error: { code: 'conflict', fields: { mergeId: 'undone' } },
    });
  });

  it('keeps one row with the days joined where a session had both, as the endpoint does', async () => {
    const kept = year.participants.p3!;
    const second = await person('p3b');
    const sessionId = await session('sB');
    await splitDays(sessionId, kept);
    const before = await figures();
    expect((await organiser.one('person.merge', { id: kept, mergeId: uuidv7(), mergedIds: [second] })).status).toBe(
      'applied',
    );
    const live = (await rowsOf(sessionId)).filter((r) => !r.deleted);
    expect(live).toEqual([expect.objectContaining({ participantId: kept, days: [1, 2, 3] })]);
    // The session had both records: one turn and one person fewer.
    expect(await figures()).toEqual({
      uniqueParticipants: before.uniqueParticipants - 1,
      participantTurns: before.participantTurns - 1,
    });
  });

  it("refuses an organiser outside either record's subtree, another province and a trainer: forbidden, nothing written", async () => {
    const inG1 = await person('g1a');
    const inG2 = await person('g2a');
    for (const who of ['organiser.g1', 'organiser.lc', 'trainer.na']) {
      const actor = await signIn(t, who);
      const result = await actor.one('person.merge', { id: inG1, mergeId: uuidv7(), mergedIds: [inG2] });
      expect(result, who).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    expect(await row(inG2)).toMatchObject({ deleted: false, mergedInto: null });
    const merge = uuidv7();
    expect((await organiser.one('person.merge', { id: inG1, mergeId: merge, mergedIds: [inG2] })).status).toBe(
      'applied',
    );
    const outsider = await signIn(t, 'organiser.g1');
    expect(await outsider.one('person.unmerge', { id: inG1, mergeId: merge })).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
    expect((await row(inG2)).deleted).toBe(true);
  });

  it('refuses what the endpoint answers 409 as `conflict`, and an undo naming another person as not found', async () => {
    const inG1 = await person('p4b');
    expect(
      await organiser.one('person.merge', { id: year.participants.p4!, mergeId: uuidv7(), mergedIds: [inG1] }),
    ).toMatchObject({
      status: 'rejected',
      error: { code: 'conflict', fields: { ethnicity: 'differs_across_units' } },
    });
    const a = await person('dupA', {
      unit: 'g1',
      fullName: 'Lê Văn Tám',
      gender: 'male',
      ethnicity: '01',
      birthYear: 1970,
    });
    const b = await person('dupB', {
      unit: 'g1',
      fullName: 'Le Van Tam',
      gender: 'male',
      ethnicity: '01',
      birthYear: 1970,
    });
    const mergeId = uuidv7();
    const { results } = await organiser.push(
      ['person.merge', { id: a, mergeId, mergedIds: [b] }],
      // Applied in order in one push: the second merge sees the first one's tombstone.
      ['person.merge', { id: a, mergeId: uuidv7(), mergedIds: [b] }],
      ['person.unmerge', { id: b, mergeId }],
      ['person.merge', { id: a, mergeId: uuidv7(), mergedIds: [a] }],
    );
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'conflict'],
      ['rejected', 'not_found'],
      ['rejected', 'invalid'],
    ]);
    expect(results[1]?.error?.fields).toEqual({ [b]: 'merged' });
  });

  it('answers a replayed merge with its stored result and merges nothing twice', async () => {
    const a = await person('repA', {
      unit: 'g2',
      fullName: 'Đinh Thị Lan',
      gender: 'female',
      ethnicity: '01',
      birthYear: 1988,
    });
    const b = await person('repB', {
      unit: 'g2',
      fullName: 'Dinh Thi Lan',
      gender: 'female',
      ethnicity: '01',
      birthYear: 1988,
    });
    const mutation = {
      id: organiser.nextId++,
      name: 'person.merge',
      args: { id: a, mergeId: uuidv7(), mergedIds: [b] },
      clientAt: '2026-11-21T08:00:00Z',
    };
    for (let i = 0; i < 2; i += 1) {
      const response = await organiser.pushRaw([mutation]);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ results: [{ id: mutation.id, status: 'applied' }] });
    }
    const merges = await t.db.select().from(participantMerges).where(eq(participantMerges.keptId, a));
    expect(merges).toHaveLength(1);
  });
});
