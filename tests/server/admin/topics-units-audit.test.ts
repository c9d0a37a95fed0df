// /api/admin/topics, /units and /audit: organisers extend their own space's topic catalogue, admins manage
// the unit tree (a new province founds a new space; no unit moves under itself or into another space), and
// admins page through the audit log. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditPageSchema, topicsListSchema, unitsListSchema } from '#domain/schemas/admin';
import { topicSchema, unitSchema } from '#domain/schemas/reference';
import { spaces, topics, units } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';

describe.each(databaseTargets)('admin topics, units and audit on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const unitRows: Record<string, typeof units.$inferSelect> = {};

  beforeAll(async () => {
    t = await createTestApp({ kind });
    for (const username of ['organiser.na', 'organiser.lc', 'admin']) cookies[username] = await t.login(username);
    for (const unit of await t.db.select().from(units)) unitRows[unit.shortName] = unit;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (as: string, method: string, path: string, json?: unknown) =>
    t.request(path, { method, cookie: cookies[as]!, ...(json === undefined ? {} : { json }) });

  describe('topics', () => {
    it("lets an organiser add a topic to their own space's catalogue, and lists it there only", async () => {
      const response = await call('organiser.na', 'POST', '/api/admin/topics', {
        key: 'climate-livelihoods',
        nameVi: 'Sinh kế thích ứng biến đổi khí hậu',
        nameEn: 'Climate-resilient livelihoods',
        fields: ['economy'],
      });
      expect(response.status).toBe(201);
      const topic = topicSchema.parse(((await response.json()) as { topic: unknown }).topic);
      expect(topic).toMatchObject({
        key: 'climate-livelihoods',
        spaceId: unitRows['LĐLĐ Nghệ An']!.spaceId,
        active: true,
        fields: ['economy'],
      });
      const own = topicsListSchema.parse(await (await call('organiser.na', 'GET', '/api/admin/topics')).json());
      expect(own.topics.some((x) => x.id === topic.id)).toBe(true);
      const other = topicsListSchema.parse(await (await call('organiser.lc', 'GET', '/api/admin/topics')).json());
      expect(other.topics.some((x) => x.key === 'climate-livelihoods')).toBe(false);
    });

    it('refuses a key already live in the space with 409, but allows it in another space', async () => {
      const body = { key: 'gender-basics', nameVi: 'Trùng', nameEn: 'Duplicate' };
      const duplicate = await call('organiser.na', 'POST', '/api/admin/topics', body);
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toMatchObject({ error: { code: 'conflict', fields: { key: 'taken' } } });
      const elsewhere = await call('organiser.lc', 'POST', '/api/admin/topics', {
        ...body,
        key: 'climate-livelihoods',
      });
      expect(elsewhere.status).toBe(201);
    });

    it('retires and renames a topic, keeping its key, with a new version', async () => {
      const [topic] = await t.db.select().from(topics).where(eq(topics.key, 'climate-livelihoods')).limit(1);
      const response = await call('admin', 'PATCH', `/api/admin/topics/${topic!.id}`, {
        active: false,
        nameEn: 'Climate livelihoods',
      });
      expect(await response.json()).toMatchObject({
        topic: { key: 'climate-livelihoods', active: false, nameEn: 'Climate livelihoods' },
      });
      const [row] = await t.db.select().from(topics).where(eq(topics.id, topic!.id));
      expect(row!.version).toBeGreaterThan(topic!.version);
      const keyChange = await call('admin', 'PATCH', `/api/admin/topics/${topic!.id}`, { key: 'other' });
      expect(keyChange.status).toBe(400);
    });
  });

  describe('units', () => {
    it('adds a grassroots unit under a province, in its space', async () => {
      const root = unitRows['LĐLĐ Nghệ An']!;
      const response = await call('admin', 'POST', '/api/admin/units', {
        parentId: root.id,
        kind: 'grassroots',
        name: 'Công đoàn Trường THCS Mường Quạ',
        shortName: 'CĐCS THCS Mường Quạ',
        provinceCode: '40',
      });
      expect(response.status).toBe(201);
      const unit = unitSchema.parse(((await response.json()) as { unit: unknown }).unit);
      expect(unit).toMatchObject({ parentId: root.id, spaceId: root.spaceId, active: true });
      const listed = unitsListSchema.parse(
        await (await call('admin', 'GET', `/api/admin/units?spaceId=${root.spaceId}`)).json(),
      );
      expect(listed.units.map((u) => u.shortName)).toContain('CĐCS THCS Mường Quạ');
      expect(listed.units.every((u) => u.spaceId === root.spaceId)).toBe(true);
    });

    it('founds a new space with a new provincial federation', async () => {
      const response = await call('admin', 'POST', '/api/admin/units', {
        parentId: null,
        kind: 'province',
        name: 'Liên đoàn Lao động tỉnh Điện Biên',
        shortName: 'LĐLĐ Điện Biên',
        provinceCode: '11',
      });
      expect(response.status).toBe(201);
      const unit = unitSchema.parse(((await response.json()) as { unit: unknown }).unit);
      const [space] = await t.db.select().from(spaces).where(eq(spaces.id, unit.spaceId));
      expect(space).toMatchObject({ name: 'Liên đoàn Lao động tỉnh Điện Biên', provinceCode: '11', version: 1 });
    });

    it('refuses to move a unit under its own subtree or into another space', async () => {
      const root = unitRows['LĐLĐ Nghệ An']!;
      const child = unitRows['CĐCS THPT Con Cuông']!;
      const cycle = await call('admin', 'PATCH', `/api/admin/units/${root.id}`, { parentId: child.id });
      expect(await cycle.json()).toMatchObject({ error: { code: 'invalid', fields: { parentId: 'root' } } });
      const sibling = unitRows['CĐCS BVĐK Tương Dương']!;
      expect((await call('admin', 'PATCH', `/api/admin/units/${child.id}`, { parentId: sibling.id })).status).toBe(200);
      const loop = await call('admin', 'PATCH', `/api/admin/units/${sibling.id}`, { parentId: child.id });
      expect(await loop.json()).toMatchObject({ error: { fields: { parentId: 'cycle' } } });
      const away = await call('admin', 'PATCH', `/api/admin/units/${child.id}`, {
        parentId: unitRows['LĐLĐ Lào Cai']!.id,
      });
      expect(await away.json()).toMatchObject({ error: { fields: { parentId: 'other_space' } } });
      expect(
        (
          await call('admin', 'PATCH', `/api/admin/units/${child.id}`, {
            parentId: root.id,
            name: 'Công đoàn Trường THPT Con Cuông',
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('audit log', () => {
    it('pages through sign-ins, exports and admin changes, newest first', async () => {
      await call('organiser.na', 'GET', '/api/reports/export.csv');
      const first = auditPageSchema.parse(await (await call('admin', 'GET', '/api/admin/audit?limit=3')).json());
      expect(first.entries).toHaveLength(3);
      expect(first.entries[0]).toMatchObject({ action: 'report.export', username: 'organiser.na' });
      expect(first.nextBefore).toBe(first.entries[2]!.id);
      const next = auditPageSchema.parse(
        await (await call('admin', 'GET', `/api/admin/audit?limit=500&before=${first.nextBefore}`)).json(),
      );
      expect(next.entries[0]!.id).toBeLessThan(first.nextBefore!);
      expect(next.nextBefore).toBeNull();
      const actions = new Set([...first.entries, ...next.entries].map((e) => e.action));
      for (const action of [
        'auth.login',
        'admin.topic_create',
        'admin.unit_create',
        'admin.unit_update',
        'report.export',
      ]) {
        expect(actions).toContain(action);
      }
    });

    it('refuses a limit out of range', async () => {
      expect((await call('admin', 'GET', '/api/admin/audit?limit=0')).status).toBe(400);
      expect((await call('admin', 'GET', '/api/admin/audit?limit=501')).status).toBe(400);
    });
  });
});
