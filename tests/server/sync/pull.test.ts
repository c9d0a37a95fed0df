// Pull (docs/sync.md): every row in scope exactly once, in (version, entity, id) order, across pages and spaces;
// tombstones included; reset when the cursor cannot be trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { attendanceSchema } from '#domain/schemas/attendance';
import { userSchema } from '#domain/schemas/auth';
import { syncedMetaSchema } from '#domain/schemas/common';
import { participantSchema } from '#domain/schemas/participant';
import { photoSchema } from '#domain/schemas/photo';
import { planSchema, topicSchema, unitSchema } from '#domain/schemas/reference';
import { sessionSchema } from '#domain/schemas/session';
import { pullResponseSchema, type Change, type SyncEntity } from '#domain/schemas/sync';
import { attendance, participants, photos, plans, sessions, spaces, topics, units, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { addUser, completeSession, participantArgs, signIn, topicIdsOf, type Actor } from './sync-fixtures';

const key = (c: Pick<Change, 'entity' | 'id' | 'version'>) => `${c.entity}:${c.id}@${c.version}`;
const before = (a: Change, b: Change) =>
  a.version !== b.version ? a.version < b.version : a.entity !== b.entity ? a.entity < b.entity : a.id < b.id;

describe.each(databaseTargets)('pull on %s', (kind) => {
  let t: TestApp;
  let trainer: Actor;
  let colleague: Actor;
  let lc: Actor;
  let organiser: Actor;
  let admin: Actor;
  let photoId: string;
  let deletedPerson: string;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    await addUser(t, 'trainer.na2', 'trainer', 'CĐCS BVĐK Tương Dương');
    trainer = await signIn(t, 'trainer.na');
    colleague = await signIn(t, 'trainer.na2');
    lc = await signIn(t, 'trainer.lc');
    organiser = await signIn(t, 'organiser.na');
    admin = await signIn(t, 'admin');
    const [naTopic] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
    const [lcTopic] = (await topicIdsOf(t, lc.user.spaceId)) as [string];
    const [s1, s2, p1, p2] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    photoId = uuidv7();
    deletedPerson = p2;
    await trainer.push(
      ['session.put', completeSession(s1, naTopic, { attendanceMode: 'roster', headcount: null })],
      ['session.put', completeSession(s2, naTopic)],
      ['participant.put', participantArgs(p1)],
      ['participant.put', participantArgs(p2, { fullName: 'Lô Văn Tùng', gender: 'male', ethnicity: '01' })],
      ['attendance.put', { id: uuidv7(), sessionId: s1, participantId: p1, days: [1] }],
      [
        'photo.put',
        {
          id: photoId,
          sessionId: s1,
          mime: 'image/jpeg',
          bytes: 1234,
          sha256: 'a'.repeat(64),
          width: 640,
          height: 480,
          takenAt: '2026-11-20T02:30:00Z',
        },
      ],
    );
    await trainer.push(['participant.delete', { id: p2 }], ['session.submit', { id: s2 }]);
    await colleague.push(
      ['session.put', completeSession(uuidv7(), naTopic)],
      ['participant.put', participantArgs(uuidv7())],
    );
    await lc.push(
      ['session.put', completeSession(uuidv7(), lcTopic, { provinceCode: '15' })],
      ['participant.put', participantArgs(uuidv7())],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /** What the scope rules of docs/sync.md say a trainer must receive, straight from the tables. */
  async function trainerExpectation(actor: Actor): Promise<Set<string>> {
    const own = await t.db.select().from(sessions).where(eq(sessions.trainerId, actor.user.id));
    const ownIds = own.map((s) => s.id);
    const rows: { entity: SyncEntity; id: string; version: number }[] = [
      ...own.map((r) => ({ entity: 'session' as const, ...r })),
      ...(await t.db.select().from(attendance).where(inArray(attendance.sessionId, ownIds))).map((r) => ({
        entity: 'attendance' as const,
        ...r,
      })),
      ...(await t.db.select().from(photos).where(inArray(photos.sessionId, ownIds))).map((r) => ({
        entity: 'photo' as const,
        ...r,
      })),
      ...(await t.db.select().from(participants).where(eq(participants.unitId, actor.user.unitId))).map((r) => ({
        entity: 'participant' as const,
        ...r,
      })),
      ...(await t.db.select().from(units).where(eq(units.spaceId, actor.user.spaceId))).map((r) => ({
        entity: 'unit' as const,
        ...r,
      })),
      ...(await t.db.select().from(topics).where(eq(topics.spaceId, actor.user.spaceId))).map((r) => ({
        entity: 'topic' as const,
        ...r,
      })),
      ...(await t.db.select().from(plans).where(eq(plans.spaceId, actor.user.spaceId))).map((r) => ({
        entity: 'plan' as const,
        ...r,
      })),
      ...(await t.db.select().from(users).where(eq(users.id, actor.user.id))).map((r) => ({
        entity: 'user' as const,
        ...r,
      })),
    ];
    return new Set(rows.map(key));
  }

  it('pages with small limits through every row in scope exactly once, in (version, entity, id) order', async () => {
    const expected = await trainerExpectation(trainer);
    for (const limit of [1, 3, 7, 5000]) {
      const { changes, pages } = await trainer.pullAll(null, limit);
      expect(pages.every((p) => p.changes.length <= limit)).toBe(true);
      expect(changes.map(key).sort()).toEqual([...expected].sort());
      for (let i = 1; i < changes.length; i++) expect(before(changes[i - 1]!, changes[i]!)).toBe(true);
      expect(pages.at(-1)!.hasMore).toBe(false);
    }
  });

  it('ends pages inside a version when one push wrote more rows than the limit', async () => {
    const { pages } = await trainer.pullAll(null, 2);
    const split = pages.some(
      (p, i) => i > 0 && p.changes[0] && pages[i - 1]!.changes.at(-1)?.version === p.changes[0].version,
    );
    expect(split).toBe(true);
  });

  it("includes tombstones with at least the id, and never shows another trainer's or province's rows", async () => {
    const { changes } = await trainer.pullAll();
    expect(changes.find((c) => c.id === deletedPerson)).toMatchObject({
      entity: 'participant',
      deleted: true,
      data: { id: deletedPerson },
    });
    const spacesSeen = new Set(changes.map((c) => (c.data as { spaceId?: string } | null)?.spaceId).filter(Boolean));
    expect([...spacesSeen]).toEqual([trainer.user.spaceId]);
    const sessionsSeen = changes.filter((c) => c.entity === 'session' && !c.deleted);
    expect(sessionsSeen.every((c) => (c.data as { trainerId: string }).trainerId === trainer.user.id)).toBe(true);
    expect(changes.filter((c) => c.entity === 'user').map((c) => c.id)).toEqual([trainer.user.id]);
    const lcSessions = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.trainerId, lc.user.id));
    expect(changes.some((c) => lcSessions.some((s) => s.id === c.id))).toBe(false);
  });

  it('shapes data by the domain schemas, with createdAt/updatedAt and no password hash', async () => {
    const response = await trainer.pull(null, 5000);
    expect(() => pullResponseSchema.parse(response)).not.toThrow();
    const schemas = {
      session: sessionSchema,
      participant: participantSchema,
      attendance: attendanceSchema,
      photo: photoSchema,
      unit: unitSchema,
      topic: topicSchema,
      plan: planSchema,
      user: userSchema,
    } as const;
    const stamps = syncedMetaSchema.pick({ createdAt: true, updatedAt: true });
    for (const change of response.changes.filter((c) => !c.deleted)) {
      expect(schemas[change.entity].strict().extend(stamps.shape).safeParse(change.data).success, change.entity).toBe(
        true,
      );
    }
    const photo = response.changes.find((c) => c.id === photoId);
    expect(photo?.data).toMatchObject({ takenAt: '2026-11-20T02:30:00.000Z', width: 640 });
    expect(JSON.stringify(response)).not.toContain('scrypt');
  });

  it('gives an organiser the whole subtree (other trainers too) and nothing of the other province', async () => {
    const { changes } = await organiser.pullAll(null, 4);
    const trainersSeen = new Set(
      changes.filter((c) => c.entity === 'session').map((c) => (c.data as { trainerId: string }).trainerId),
    );
    expect(trainersSeen).toEqual(new Set([trainer.user.id, colleague.user.id]));
    expect(changes.some((c) => (c.data as { spaceId?: string }).spaceId === lc.user.spaceId)).toBe(false);
    expect(changes.filter((c) => c.entity === 'user').length).toBeGreaterThanOrEqual(3);
  });

  it('gives an admin every space, each row once across pages, and then only what changed, in both spaces', async () => {
    const all = await admin.pullAll(null, 5);
    const keys = all.changes.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const sessionCount = (await t.db.select().from(sessions)).length;
    expect(all.changes.filter((c) => c.entity === 'session')).toHaveLength(sessionCount);

    const [naTopic] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
    const [lcTopic] = (await topicIdsOf(t, lc.user.spaceId)) as [string];
    const [na, la] = [uuidv7(), uuidv7()];
    await trainer.push(['session.put', completeSession(na, naTopic)]);
    await lc.push(['session.put', completeSession(la, lcTopic, { provinceCode: '15' })]);
    const next = await admin.pullAll(all.cursor, 1);
    expect(next.changes.map((c) => c.id).sort()).toEqual([na, la].sort());
    expect(next.pages[0]!.reset).toBe(false);
    expect((await admin.pull(next.cursor)).changes).toEqual([]);
  });

  it("answers only new changes after the cursor, and the client's lastMutationId", async () => {
    const { cursor } = await trainer.pullAll();
    const empty = await trainer.pull(cursor);
    expect(empty).toMatchObject({ changes: [], hasMore: false, reset: false, lastMutationId: trainer.nextId - 1 });
    const id = uuidv7();
    await trainer.push(['participant.put', participantArgs(id, { fullName: 'Kha Thị Mai' })]);
    const next = await trainer.pull(cursor);
    expect(next.changes.map((c) => [c.entity, c.id])).toEqual([['participant', id]]);
    expect(next.lastMutationId).toBe(trainer.nextId - 1);
  });

  it("resets to a fresh snapshot for a bogus cursor, another scope's cursor, a purged one or one from the future", async () => {
    const full = (await trainer.pullAll(null, 5000)).changes.length;
    const { cursor } = await trainer.pullAll();
    const bogus = ['garbage', 'eyJmIjoxfQ', Buffer.from('{"f":1,"h":"x","p":{"__proto__":[1]}}').toString('base64url')];
    for (const text of bogus) {
      const page = await trainer.pull(text, 5000);
      expect(page.reset).toBe(true);
      expect(page.changes).toHaveLength(full);
    }
    expect((await organiser.pull(cursor, 1)).reset).toBe(true);

    const forged = JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8'));
    forged.p[trainer.user.spaceId] = [10_000_000];
    expect((await trainer.pull(Buffer.from(JSON.stringify(forged)).toString('base64url'))).reset).toBe(true);

    const stale = (await trainer.pull(null, 1)).cursor;
    await t.db.update(spaces).set({ purgedVersion: 5 }).where(eq(spaces.id, trainer.user.spaceId));
    const afterPurge = await trainer.pull(stale, 5000);
    expect(afterPurge.reset).toBe(true);
    expect(afterPurge.changes).toHaveLength(full);
    expect((await trainer.pull(afterPurge.cursor)).reset).toBe(false);
    await t.db.update(spaces).set({ purgedVersion: 0 }).where(eq(spaces.id, trainer.user.spaceId));
  });

  it("resets when the user's scope changed since the cursor was issued", async () => {
    const { cursor } = await colleague.pullAll();
    const [otherUnit] = await t.db.select().from(units).where(eq(units.shortName, 'CĐCS PTDTNT Kỳ Sơn'));
    await t.db.update(users).set({ unitId: otherUnit!.id }).where(eq(users.id, colleague.user.id));
    const page = await colleague.pull(cursor, 5000);
    expect(page.reset).toBe(true);
    expect(page.changes.some((c) => c.entity === 'session')).toBe(true);
  });

  it('refuses a malformed request with 400 invalid', async () => {
    const response = await t.request('/api/sync/pull', {
      method: 'POST',
      json: { clientId: trainer.clientId, cursor: null, limit: 5001 },
      cookie: trainer.cookie,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid', fields: { limit: 'too_big' } } });
  });
});
