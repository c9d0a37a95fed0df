// The schema on every database target: the demo seed runs once, the space version counter, and column types
// that must round-trip the same on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { starterTopics } from '#domain/reference/topics';
import type { Database } from '#server/db/database';
import {
  attendance,
  participants,
  photoBlobs,
  photos,
  plans,
  sessions,
  spaces,
  topics,
  units,
  users,
} from '#server/db/schema';
import { nextSpaceVersion } from '#server/db/versions';
import { seedDemo } from '#server/seed/demo';
import { TEST_SCRYPT_N } from '../support/test-app';
import { createTestDatabase, databaseTargets } from '../support/test-db';

const now = new Date('2026-11-22T03:00:00.000Z');

describe.each(databaseTargets)('schema and seed on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('seeds two spaces with their units, users, starter topics and a plan for the year, once', async () => {
    expect(await seedDemo(database.db, { now, scryptN: TEST_SCRYPT_N })).toBe(true);
    expect(await seedDemo(database.db, { now, scryptN: TEST_SCRYPT_N })).toBe(false);
    const { db } = database;

    const seededSpaces = await db.select().from(spaces).orderBy(spaces.provinceCode);
    expect(seededSpaces.map((s) => [s.name, s.provinceCode])).toEqual([
      ['Lào Cai', '15'],
      ['Nghệ An', '40'],
    ]);
    expect(await db.select().from(users)).toHaveLength(5);
    expect(await db.select().from(topics)).toHaveLength(starterTopics.length * 2);

    const roots = await db.select().from(units).where(eq(units.kind, 'province'));
    expect(roots.map((u) => u.shortName).sort()).toEqual(['LĐLĐ Lào Cai', 'LĐLĐ Nghệ An']);
    const grassroots = await db.select().from(units).where(eq(units.kind, 'grassroots'));
    expect(grassroots.length).toBeGreaterThanOrEqual(6);
    expect(grassroots.every((u) => roots.some((r) => r.id === u.parentId && r.spaceId === u.spaceId))).toBe(true);

    const [yearPlan] = await db
      .select()
      .from(plans)
      .where(eq(plans.unitId, roots.find((r) => r.provinceCode === '40')!.id));
    expect(yearPlan).toMatchObject({ year: 2026, targetSessions: 120, targetParticipantTurns: 3000 });
  });

  it('places organisers on their province root, trainers on a grassroots unit under it, admin as admin', async () => {
    const rows = await database.db
      .select({ username: users.username, role: users.role, kind: units.kind, province: units.provinceCode })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId));
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(byName['admin']).toMatchObject({ role: 'admin', kind: 'province', province: '40' });
    expect(byName['organiser.na']).toMatchObject({ role: 'organiser', kind: 'province', province: '40' });
    expect(byName['trainer.na']).toMatchObject({ role: 'trainer', kind: 'grassroots', province: '40' });
    expect(byName['organiser.lc']).toMatchObject({ role: 'organiser', kind: 'province', province: '15' });
    expect(byName['trainer.lc']).toMatchObject({ role: 'trainer', kind: 'grassroots', province: '15' });
  });

  it('gives every seeded row a version from its space counter', async () => {
    for (const space of await database.db.select().from(spaces)) {
      expect(space.version).toBeGreaterThan(0);
      const seeded = await database.db
        .select({ version: topics.version })
        .from(topics)
        .where(eq(topics.spaceId, space.id));
      expect(seeded.every((row) => row.version > 0 && row.version <= space.version)).toBe(true);
    }
  });

  it('increments the space version inside the caller transaction, and rolls back with it', async () => {
    const [space] = await database.db.select().from(spaces).limit(1);
    const spaceId = space!.id;
    const a = await database.db.transaction((tx) => nextSpaceVersion(tx, spaceId));
    const b = await database.db.transaction((tx) => nextSpaceVersion(tx, spaceId));
    expect(b).toBe(a + 1);
    await expect(
      database.db.transaction(async (tx) => {
        await nextSpaceVersion(tx, spaceId);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.db.transaction((tx) => nextSpaceVersion(tx, spaceId))).toBe(b + 1);
    await expect(database.db.transaction((tx) => nextSpaceVersion(tx, uuidv7()))).rejects.toThrow(/Unknown space/);
  });

  it('round-trips sessions, participants, attendance and photo bytes with the same types on both drivers', async () => {
    const { db } = database;
    const [trainer] = await db.select().from(users).where(eq(users.username, 'trainer.na'));
    const topicRows = await db
      .select({ id: topics.id })
      .from(topics)
      .where(eq(topics.spaceId, trainer!.spaceId))
      .limit(2);
    const spaceId = trainer!.spaceId;
    const version = await db.transaction((tx) => nextSpaceVersion(tx, spaceId));
    const sessionId = uuidv7();
    const participantId = uuidv7();
    const photoId = uuidv7();
    await db.insert(sessions).values({
      id: sessionId,
      spaceId,
      version,
      unitId: trainer!.unitId,
      trainerId: trainer!.id,
      format: 'training',
      title: 'Tập huấn Luật Bình đẳng giới',
      topicIds: topicRows.map((r) => r.id),
      startDate: '2026-11-20',
      endDate: '2026-11-21',
      provinceCode: '40',
      communeCode: '17311',
      adminSet: '2026-07-25',
      placeName: 'Hội trường',
      attendanceMode: 'headcount',
      headcountTotal: 40,
      headcountWomen: 31,
      headcountEthnicMinority: 22,
    });
    await db.insert(participants).values({
      id: participantId,
      spaceId,
      version,
      unitId: trainer!.unitId,
      fullName: 'Vi Thị Lan',
      gender: 'female',
      ethnicity: '03',
      consentMethod: 'oral-witnessed',
      consentAt: '2026-11-20',
    });
    await db.insert(attendance).values({ id: uuidv7(), spaceId, version, sessionId, participantId, days: [1, 2] });
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]);
    await db.insert(photos).values({
      id: photoId,
      spaceId,
      version,
      sessionId,
      mime: 'image/jpeg',
      bytes: image.byteLength,
      sha256: 'a'.repeat(64),
      width: 4,
      height: 3,
      takenAt: now,
    });
    await db.insert(photoBlobs).values({ photoId, data: image, sha256: 'a'.repeat(64), mime: 'image/jpeg', bytes: 6 });

    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session).toMatchObject({
      topicIds: topicRows.map((r) => r.id),
      startDate: '2026-11-20',
      status: 'draft',
      version,
      deleted: false,
      headcountTotal: 40,
      reviewedAt: null,
    });
    expect(session!.createdAt).toBeInstanceOf(Date);
    const [row] = await db.select().from(attendance).where(eq(attendance.sessionId, sessionId));
    expect(row!.days).toEqual([1, 2]);
    const [photo] = await db.select().from(photos).where(eq(photos.id, photoId));
    expect(photo!.takenAt?.toISOString()).toBe(now.toISOString());
    const [blob] = await db.select().from(photoBlobs).where(eq(photoBlobs.photoId, photoId));
    expect(Array.from(blob!.data)).toEqual(Array.from(image));
  });

  it('allows one live attendance row per session and participant', async () => {
    const { db } = database;
    const [existing] = await db.select().from(attendance).limit(1);
    const duplicate = { ...existing!, id: uuidv7() };
    await expect(db.insert(attendance).values(duplicate)).rejects.toThrow();
    await db.update(attendance).set({ deleted: true }).where(eq(attendance.id, existing!.id));
    await db.insert(attendance).values(duplicate);
  });

  it('refuses a half-filled headcount', async () => {
    const [session] = await database.db.select().from(sessions).limit(1);
    await expect(
      database.db.update(sessions).set({ headcountWomen: null }).where(eq(sessions.id, session!.id)),
    ).rejects.toThrow();
  });
});
