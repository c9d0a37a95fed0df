// /api/admin/plans: organisers set yearly targets for units in their subtree (never another province's),
// admins for any unit; POST upserts per (unit, year, topic); writes are versioned and audited, and the
// summary's plan progress follows them. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { planRecordSchema, plansListSchema, type PlanRecord } from '#domain/schemas/admin';
import { auditLog, plans, spaces, topics, units } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';

describe.each(databaseTargets)('admin plans on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const unitIds: Record<string, string> = {};
  let laoCaiPlanId: string;
  let naTopicId: string;
  let lcTopicId: string;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    for (const username of ['organiser.na', 'organiser.lc', 'admin']) cookies[username] = await t.login(username);
    for (const unit of await t.db.select().from(units)) unitIds[unit.shortName] = unit.id;
    const [lcPlan] = await t.db.select().from(plans).where(eq(plans.unitId, unitIds['LĐLĐ Lào Cai']!));
    laoCaiPlanId = lcPlan!.id;
    const topicIn = async (province: string) =>
      (
        await t.db
          .select({ id: topics.id })
          .from(topics)
          .innerJoin(spaces, eq(spaces.id, topics.spaceId))
          .where(and(eq(spaces.provinceCode, province), eq(topics.key, 'domestic-violence')))
      )[0]!.id;
    naTopicId = await topicIn('40');
    lcTopicId = await topicIn('15');
  });
  afterAll(async () => {
    await t.close();
  });

  const upsert = (body: Record<string, unknown>, as = 'organiser.na') =>
    t.request('/api/admin/plans', { method: 'POST', json: body, cookie: cookies[as]! });
  const planOf = async (response: Response): Promise<PlanRecord> =>
    planRecordSchema.parse(((await response.json()) as { plan: unknown }).plan);

  it('lets an organiser create a plan for a grassroots unit in their province, then update it in place', async () => {
    const unitId = unitIds['CĐCS THPT Con Cuông']!;
    const created = await upsert({
      unitId,
      year: 2027,
      targetSessions: 12,
      targetParticipantTurns: 300,
      note: 'Kế hoạch năm 2027',
    });
    expect(created.status).toBe(201);
    const first = await planOf(created);
    expect(first).toMatchObject({
      unitId,
      year: 2027,
      topicId: null,
      targetSessions: 12,
      targetParticipantTurns: 300,
      note: 'Kế hoạch năm 2027',
    });

    const updated = await upsert({ unitId, year: 2027, targetSessions: 15, targetParticipantTurns: 320 });
    expect(updated.status).toBe(200);
    expect(await planOf(updated)).toMatchObject({
      id: first.id,
      targetSessions: 15,
      targetParticipantTurns: 320,
      note: null,
    });
    const rows = await t.db
      .select()
      .from(plans)
      .where(and(eq(plans.unitId, unitId), eq(plans.year, 2027), isNull(plans.topicId)));
    expect(rows).toHaveLength(1);
  });

  it('keeps a topic plan apart from the overall plan of the same unit and year', async () => {
    const unitId = unitIds['CĐCS THPT Con Cuông']!;
    const topicPlan = await upsert({
      unitId,
      year: 2027,
      topicId: naTopicId,
      targetSessions: 3,
      targetParticipantTurns: 60,
    });
    expect(topicPlan.status).toBe(201);
    const listed = plansListSchema.parse(
      await (
        await t.request(`/api/admin/plans?year=2027&unitId=${unitId}`, { cookie: cookies['organiser.na']! })
      ).json(),
    );
    expect(listed.plans.map((p) => [p.topicId, p.targetSessions]).sort()).toEqual(
      [
        [naTopicId, 3],
        [null, 15],
      ].sort(),
    );
  });

  it("refuses an organiser another province's units and plans with 403", async () => {
    const response = await upsert({
      unitId: unitIds['CĐCS Apatit Việt Nam']!,
      year: 2027,
      targetSessions: 1,
      targetParticipantTurns: 1,
    });
    expect(response.status).toBe(403);
    const edit = await t.request(`/api/admin/plans/${laoCaiPlanId}`, {
      method: 'PATCH',
      json: { targetSessions: 1 },
      cookie: cookies['organiser.na']!,
    });
    expect(edit.status).toBe(403);
    const [untouched] = await t.db.select().from(plans).where(eq(plans.id, laoCaiPlanId));
    expect(untouched!.targetSessions).toBe(150);
  });

  it("refuses a topic from another province's catalogue", async () => {
    const response = await upsert({
      unitId: unitIds['CĐCS THPT Con Cuông']!,
      year: 2027,
      topicId: lcTopicId,
      targetSessions: 1,
      targetParticipantTurns: 1,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { fields: { topicId: 'unknown' } } });
  });

  it("lets each organiser edit their own province's plan, versioned and audited", async () => {
    const before = (await t.db.select().from(spaces).where(eq(spaces.provinceCode, '15')))[0]!.version;
    const response = await t.request(`/api/admin/plans/${laoCaiPlanId}`, {
      method: 'PATCH',
      json: { targetSessions: 160, note: 'Điều chỉnh giữa năm' },
      cookie: cookies['organiser.lc']!,
    });
    expect(response.status).toBe(200);
    expect(await planOf(response)).toMatchObject({
      targetSessions: 160,
      targetParticipantTurns: 4000,
      note: 'Điều chỉnh giữa năm',
    });
    const [row] = await t.db.select().from(plans).where(eq(plans.id, laoCaiPlanId));
    expect(row!.version).toBe(before + 1);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.plan_update'), eq(auditLog.entityId, laoCaiPlanId)));
    expect(entry!.detail).toEqual({
      changed: ['targetSessions', 'note'],
      targetSessions: 160,
      note: 'Điều chỉnh giữa năm',
    });
  });

  it('shows the edited target in the summary’s plan progress', async () => {
    const summary = await t.request('/api/reports/summary?from=2026-01-01&to=2026-12-31', {
      cookie: cookies['organiser.lc']!,
    });
    expect(await summary.json()).toMatchObject({ plan: { targetSessions: 160, targetParticipantTurns: 4000 } });
  });

  it('lists only the plans in the caller’s subtree, all of them for an admin', async () => {
    const list = async (as: string) =>
      plansListSchema.parse(await (await t.request('/api/admin/plans', { cookie: cookies[as]! })).json()).plans;
    const naUnits = new Set(
      Object.entries(unitIds)
        .filter(([name]) => !/Lào Cai|Apatit|Bát Xát|Sa Pa/.test(name))
        .map(([, id]) => id),
    );
    expect((await list('organiser.na')).every((p) => naUnits.has(p.unitId))).toBe(true);
    expect((await list('organiser.lc')).map((p) => p.id)).toEqual([laoCaiPlanId]);
    expect((await list('admin')).length).toBe((await list('organiser.na')).length + 1);
  });

  it('lets an admin write any province’s plans', async () => {
    const response = await upsert(
      { unitId: unitIds['CĐCS Apatit Việt Nam']!, year: 2027, targetSessions: 9, targetParticipantTurns: 90 },
      'admin',
    );
    expect(response.status).toBe(201);
  });
});
