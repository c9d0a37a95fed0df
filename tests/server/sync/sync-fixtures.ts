// Helpers for sync tests: signed-in actors with their own client id and mutation counter, complete
// session arguments, extra users, and a pull that pages to the end.
import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { User } from '#domain/schemas/auth';
import type { Change, MutationResult, PullResponse, PushResponse } from '#domain/schemas/sync';
import { hashPassword } from '#server/auth/passwords';
import { spaces, topics, units, users } from '#server/db/schema';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { TEST_SCRYPT_N, type TestApp } from '../../support/test-app';

export interface Wire {
  id: number;
  name: string;
  args: unknown;
  clientAt: string;
}

export const CLIENT_AT = '2026-11-21T08:00:00.000Z';

export function wire(id: number, name: string, args: unknown): Wire {
  return { id, name, args, clientAt: CLIENT_AT };
}

/** A signed-in user with one device: a client id and the next mutation id it will send. */
export class Actor {
  clientId = uuidv7();
  nextId = 1;
  constructor(
    readonly t: TestApp,
    readonly cookie: string,
    readonly user: User,
  ) {}

  /** Numbers the mutations from nextId and pushes them; returns the parsed body (throws on non-200). */
  async push(...mutations: [name: string, args: unknown][]): Promise<PushResponse> {
    const numbered = mutations.map(([name, args]) => wire(this.nextId++, name, args));
    const response = await this.pushRaw(numbered);
    if (response.status !== 200) throw new Error(`push ${response.status}: ${await response.text()}`);
    return (await response.json()) as PushResponse;
  }

  /** Pushes one mutation and answers its result. */
  async one(name: string, args: unknown): Promise<MutationResult> {
    const { results } = await this.push([name, args]);
    return results[0]!;
  }

  pushRaw(mutations: Wire[], clientId = this.clientId): Promise<Response> {
    return this.t.request('/api/sync/push', { method: 'POST', json: { clientId, mutations }, cookie: this.cookie });
  }

  async pull(cursor: string | null, limit?: number, extra: Record<string, unknown> = {}): Promise<PullResponse> {
    const response = await this.t.request('/api/sync/pull', {
      method: 'POST',
      json: { clientId: this.clientId, cursor, ...(limit ? { limit } : {}), ...extra },
      cookie: this.cookie,
    });
    if (response.status !== 200) throw new Error(`pull ${response.status}: ${await response.text()}`);
    return (await response.json()) as PullResponse;
  }

  /** Pages until hasMore is false; answers every change in order and the final cursor. */
  async pullAll(
    cursor: string | null = null,
    limit?: number,
    extra: Record<string, unknown> = {},
  ): Promise<{ changes: Change[]; cursor: string | null; pages: PullResponse[] }> {
    const pages: PullResponse[] = [];
    let current = cursor;
    for (;;) {
      const page = await this.pull(current, limit, extra);
      pages.push(page);
      current = page.cursor;
      if (!page.hasMore) return { changes: pages.flatMap((p) => p.changes), cursor: current, pages };
      if (pages.length > 10_000) throw new Error('pull never ends');
    }
  }
}

export async function signIn(t: TestApp, username: string): Promise<Actor> {
  const cookie = await t.login(username);
  const me = await t.request('/api/auth/me', { cookie });
  const { user } = (await me.json()) as { user: User };
  return new Actor(t, cookie, user);
}

/** Adds a user to the unit named by its short name (or the province root when `unitShortName` is a province). */
export async function addUser(t: TestApp, username: string, role: User['role'], unitShortName: string): Promise<void> {
  const [unit] = await t.db.select().from(units).where(eq(units.shortName, unitShortName));
  if (!unit) throw new Error(`no unit ${unitShortName}`);
  await t.db.insert(users).values({
    id: uuidv7(),
    username,
    displayName: username,
    role,
    unitId: unit.id,
    locale: 'vi',
    passwordHash: await hashPassword(DEMO_PASSWORD, TEST_SCRYPT_N),
    spaceId: unit.spaceId,
    version: 1,
  });
}

export async function topicIdsOf(t: TestApp, spaceId: string): Promise<string[]> {
  const rows = await t.db.select({ id: topics.id }).from(topics).where(eq(topics.spaceId, spaceId));
  return rows.map((row) => row.id);
}

export async function rootUnitOf(t: TestApp, spaceId: string): Promise<string> {
  const [root] = await t.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.spaceId, spaceId), isNull(units.parentId)));
  return root!.id;
}

export async function spaceVersion(t: TestApp, spaceId: string): Promise<number> {
  const [row] = await t.db.select({ version: spaces.version }).from(spaces).where(eq(spaces.id, spaceId));
  return Number(row!.version);
}

/** Every field a submittable headcount session needs. */
export function completeSession(id: string, topicId: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    format: 'training',
    title: 'Bình đẳng giới trong gia đình',
    topicIds: [topicId],
    startDate: '2026-11-20',
    endDate: '2026-11-20',
    provinceCode: '40',
    adminSet: '2026-07-25',
    placeName: 'Hội trường xã Môn Sơn',
    attendanceMode: 'headcount',
    headcount: { total: 30, women: 18, ethnicMinority: 12 },
    ...overrides,
  };
}

export function participantArgs(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    fullName: 'Vi Thị Lan',
    gender: 'female',
    ethnicity: '03',
    consent: { method: 'signed', at: '2026-11-20' },
    ...overrides,
  };
}

export const SHA_OF_NOTHING = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
