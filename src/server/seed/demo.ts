// Seeds the demo organisation on first start (no users yet) unless SEED_DEMO=0. Runs in one transaction
// under an advisory lock, so two instances starting together seed once; a second start seeds nothing.
import { count, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { starterTopics } from '#domain/reference/topics';
import { yearInVietnam } from '#domain/rules/dates';
import { hashPassword } from '../auth/passwords';
import type { DbExecutor, Db } from '../db/database';
import { plans, spaces, topics, units, users } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import { DEMO_PASSWORD, demoSpaces, type DemoSpace } from './demo-data';

/** Any constant; only needs to differ from the migration lock's. */
const SEED_LOCK_KEY = 7_303_012;

export interface SeedOptions {
  now: Date;
  scryptN: number;
}

/** Returns true when it seeded, false when the database already had users. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<boolean> {
  // Hash before the transaction: scrypt at production cost takes a while and needs no lock.
  const passwordHashes = new Map<string, string>();
  for (const space of demoSpaces) {
    for (const user of space.users)
      passwordHashes.set(user.username, await hashPassword(DEMO_PASSWORD, options.scryptN));
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ users: count() }).from(users);
    if ((existing?.users ?? 0) > 0) return false;
    for (const space of demoSpaces) await seedSpace(tx, space, options.now, passwordHashes);
    return true;
  });
}

async function seedSpace(tx: DbExecutor, space: DemoSpace, now: Date, passwordHashes: Map<string, string>) {
  const spaceId = uuidv7();
  await tx.insert(spaces).values({ id: spaceId, name: space.name, provinceCode: space.provinceCode, createdAt: now });
  const version = await nextSpaceVersion(tx, spaceId);
  const synced = { spaceId, version, createdAt: now, updatedAt: now };
  const common = { provinceCode: space.provinceCode, active: true, ...synced };

  const rootId = uuidv7();
  const unitIds = new Map<string, string>([['root', rootId]]);
  await tx.insert(units).values({ id: rootId, parentId: null, kind: 'province', ...space.root, ...common });
  for (const unit of space.grassroots) {
    const id = uuidv7();
    unitIds.set(unit.key, id);
    await tx.insert(units).values({
      id,
      parentId: rootId,
      kind: 'grassroots',
      name: unit.name,
      shortName: unit.shortName,
      ...common,
    });
  }

  await tx.insert(users).values(
    space.users.map((user) => ({
      id: uuidv7(),
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: unitIds.get(user.unit) ?? rootId,
      locale: 'vi' as const,
      passwordHash: passwordHashes.get(user.username) ?? '',
      ...synced,
    })),
  );

  await tx.insert(topics).values(
    starterTopics.map((topic) => ({
      id: uuidv7(),
      key: topic.key,
      nameVi: topic.nameVi,
      nameEn: topic.nameEn,
      fields: [...topic.fields],
      active: true,
      ...synced,
    })),
  );

  await tx.insert(plans).values({
    id: uuidv7(),
    unitId: rootId,
    year: yearInVietnam(now),
    topicId: null,
    note: null,
    ...space.plan,
    ...synced,
  });
}
