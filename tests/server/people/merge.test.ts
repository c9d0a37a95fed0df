// POST /api/people/merges and …/undo (issue 13) over the report year of tests/server/reports/fixtures.ts with
// second registrations added: attendance moves to the person kept, one fewer unique person and the same turns,
// a session that had both keeps one row with the days joined, the earliest consent is kept, an undo restores
// the records as they were, only an organiser above every record may merge, ethnicity never crosses units,
// and devices follow on their next pull. On every database target.
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSummarySchema, type MergeSummary } from '#domain/schemas/people';
import { reportSummarySchema } from '#domain/schemas/report';
import { attendance, auditLog, participants } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, type ReportYear } from '../reports/fixtures';
import { mergeScenario } from './merge-scenarios';
import { addUser, signIn } from '../sync/sync-fixtures';

const YEAR = 'from=2026-01-01&to=2026-12-31';

describe.each(databaseTargets)('merging people on %s', (kind) => {
  let t: TestApp;
  let year: ReportYear;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    year = await buildReportYear(t.db, t.clock.now());
    await addUser(t, 'organiser.g1', 'organiser', 'CĐCS THPT Con Cuông');
  });
  afterAll(async () => {
    await t.close();
  });
  const { person, session, row, rowsOf, splitDays } = mergeScenario(() => ({ t, year }));

  async function figures() {
    await t.login('organiser.na');
    const response = await t.request(`/api/reports/summary?${YEAR}`);
    const { uniqueParticipants, participantTurns } = reportSummarySchema.parse(await response.json());
    return { uniqueParticipants, participantTurns };
  }
  async function merge(keptId: string, mergedIds: string[], as = 'organiser.na'): Promise<Response> {
    await t.login(as);
    return t.request('/api/people/merges', { method: 'POST', json: { id: keptId, mergedIds } });
  }
  async function merged(keptId: string, mergedIds: string[]): Promise<MergeSummary> {
    const response = await merge(keptId, mergedIds);
    expect(response.status, await response.clone().text()).toBe(201);
    return mergeSummarySchema.parse(((await response.json()) as { merge: unknown }).merge);
  }
  async function undo(mergeId: string): Promise<Response> {
    await t.login('organiser.na');
    return t.request(`/api/people/merges/${mergeId}/undo`, { method: 'POST' });
  }

  it('moves attendance to the person kept: one fewer unique person, the same turns, and an undo restores it', async () => {
    const kept = year.participants.p2!;
    const second = await person('p2b');
    const sessionId = await session('sA');
    const before = await figures();

    const summary = await merged(kept, [second]);
    expect(summary).toMatchObject({
      keptId: kept,
      mergedIds: [second],
      movedAttendance: 1,
      joinedAttendance: 0,
      undoneAt: null,
    });
    expect(await figures()).toEqual({
      uniqueParticipants: before.uniqueParticipants - 1,
      participantTurns: before.participantTurns,
    });
    expect(await row(second)).toMatchObject({ deleted: true, mergedInto: kept });
    expect((await rowsOf(sessionId)).map((r) => r.participantId).sort()).toEqual([kept, year.participants.p5!].sort());
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.merge'), eq(auditLog.entityId, kept)));
    expect(audit).toHaveLength(1);

    expect((await undo(summary.mergeId)).status).toBe(200);
    expect(await figures()).toEqual(before);
    expect(await row(second)).toMatchObject({ deleted: false, mergedInto: null });
    expect((await rowsOf(sessionId)).map((r) => r.participantId).sort()).toEqual(
      [second, year.participants.p5!].sort(),
    );
    expect((await undo(summary.mergeId)).status).toBe(409);
  });

  it('keeps one row, days joined, where a session had both records, and keeps the earliest consent', async () => {
    const kept = year.participants.p3!;
    const second = await person('p3b');
    await t.db
      .update(participants)
      .set({ consentMethod: 'oral-witnessed', consentAt: '2025-03-01' })
      .where(eq(participants.id, second));
    const sessionId = await session('sB');
    await splitDays(sessionId, kept);

    const summary = await merged(kept, [second]);
    expect(summary).toMatchObject({ movedAttendance: 0, joinedAttendance: 1 });
    const live = (await rowsOf(sessionId)).filter((r) => !r.deleted);
    expect(live).toEqual([expect.objectContaining({ participantId: kept, days: [1, 2, 3] })]);
    expect(await row(kept)).toMatchObject({
      consentMethod: 'oral-witnessed',
      consentAt: '2025-03-01',
      ethnicity: '08',
    });

    expect((await undo(summary.mergeId)).status).toBe(200);
    const restored = (await rowsOf(sessionId)).filter((r) => !r.deleted).map((r) => [r.participantId, r.days]);
    expect(restored.sort()).toEqual(
      [
        [kept, [1]],
        [second, [2, 3]],
      ].sort(),
    );
    expect(await row(kept)).toMatchObject({ consentMethod: 'signed', consentAt: '2026-01-01' });
  });

  it('lets only an organiser above every record merge: 403 for one below a record, another province, a trainer', async () => {
    const inG1 = await person('g1a');
    const inG2 = await person('g2a');
    const inG1b = await person('g1b', {
      unit: 'g1',
      fullName: 'Hà  Văn Nam',
      gender: 'male',
      ethnicity: '01',
      birthYear: 1980,
    });
    expect((await merge(inG1, [inG2], 'organiser.g1')).status).toBe(403);
    expect((await merge(inG1, [inG2], 'organiser.lc')).status).toBe(403);
    expect((await merge(inG1, [inG2], 'trainer.na')).status).toBe(403);
    expect((await row(inG2)).deleted).toBe(false);
    expect((await merge(inG1, [inG1b], 'organiser.g1')).status).toBe(201);
    expect((await merge(inG1, [inG1], 'organiser.na')).status).toBe(400);
    expect((await merge(inG1, [inG1b], 'organiser.na')).status).toBe(409);
  });

  it('refuses to merge records of different units whose ethnicity answers differ', async () => {
    const inG1 = await person('p4b');
    const response = await merge(year.participants.p4!, [inG1]);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'conflict', fields: { ethnicity: 'differs_across_units' } },
    });
  });

  it('brings devices the tombstone naming the person kept, and a trainer the kept person of another unit', async () => {
    const trainer = await signIn(t, 'trainer.na');
    const { cursor } = await trainer.pullAll();
    const kept = year.participants.p6!;
    const second = await person('p6b', {
      unit: 'g1',
      fullName: 'Phạm Thị Ánh',
      gender: 'female',
      ethnicity: null,
      birthYear: 1995,
    });
    const mid = await trainer.pullAll(cursor);
    expect(mid.changes.map((c) => c.id)).toContain(second);
    expect(mid.changes.map((c) => c.id)).not.toContain(kept);

    await merged(kept, [second]);
    const after = await trainer.pullAll(mid.cursor);
    const byId = new Map(after.changes.map((c) => [c.id, c]));
    expect(byId.get(second)).toMatchObject({
      entity: 'participant',
      deleted: true,
      data: { id: second, mergedInto: kept },
    });
    expect(byId.get(kept)).toMatchObject({ entity: 'participant', deleted: false, data: { fullName: 'Phạm Thị Ánh' } });
    const fresh = await signIn(t, 'trainer.na');
    expect((await fresh.pullAll()).changes.some((c) => c.id === kept && !c.deleted)).toBe(true);
  });

  it("writes a trainer's unsent attendance naming the merged record for the person kept, instead of refusing it", async () => {
    const trainer = await signIn(t, 'trainer.na');
    const kept = year.participants.p7!;
    const second = await person('p7b', {
      unit: 'g1',
      fullName: 'Lau Y Senh',
      gender: 'other',
      ethnicity: '23',
      birthYear: 2000,
    });
    await merged(kept, [second]);

    const [unsent, added] = [uuidv7(), uuidv7()];
    const { results } = await trainer.push(
      ['attendance.put', { id: unsent, sessionId: year.sessions.s1, participantId: second }],
      // The kept person, of another unit, is registered in the trainer's unit through the merged record.
      ['attendance.put', { id: added, sessionId: year.sessions.s5, participantId: kept, days: null }],
      ['attendance.put', { id: unsent, sessionId: year.sessions.s1, participantId: second, note: 'đến muộn' }],
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const rows = new Map(
      (await t.db.select().from(attendance).where(eq(attendance.participantId, kept))).map((r) => [r.id, r]),
    );
    expect(rows.get(unsent)).toMatchObject({ sessionId: year.sessions.s1, note: 'đến muộn', deleted: false });
    expect(rows.get(added)).toMatchObject({ sessionId: year.sessions.s5, deleted: false });

    // A person of another unit never merged into anyone of the trainer's unit is still refused.
    const other = await trainer.one('attendance.put', {
      id: uuidv7(),
      sessionId: year.sessions.s5,
      participantId: year.participants.p5,
    });
    expect(other).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
  });
});
