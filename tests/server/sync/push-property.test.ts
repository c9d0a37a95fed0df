// Property: random sequences of mutations by a trainer and an organiser, sent in random batches with
// replays and lost responses, leave the server exactly where a plain in-memory model of the rules ends up,
// and every mutation's outcome (first answer or replay) is the model's. The device's side of the same
// mutators is held to the same model. A device that skips its echoes (docs/sync.md §10: its pulls leave out
// the rows its own pushes wrote, which it rebuilds) ends with exactly the server's rows.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { LogbookDb } from '#client/db/database.ts';
import { mutate } from '#client/db/local-writes.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import type { MutationName } from '#domain/schemas/sync';
import { attendance, participants, photos, sessions, units } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { EchoDevice, serverRows } from './echo-device';
import { addUser, signIn, topicIdsOf, wire, type Actor, type Wire } from './sync-fixtures';
import { SyncModel, type Outcome } from './sync-model';

type Who = 'trainer' | 'organiser';
type Step =
  | { kind: 'mutate'; who: Who; name: string; args: Record<string, unknown> & { slot: number } }
  | { kind: 'send'; who: Who | 'both'; count: number; replay: number; lose: boolean };

const slot = fc.integer({ min: 0, max: 1 });
const date = fc.constantFrom('2026-11-19', '2026-11-20');
const sessionPatch = fc.record(
  {
    format: fc.constant('training'),
    provinceCode: fc.constant('40'),
    startDate: date,
    endDate: date,
    title: fc.constantFrom('', 'Tập huấn luật Bình đẳng giới'),
    topicIds: fc.constantFrom('none', 'one'),
    placeName: fc.constantFrom('', 'Nhà văn hoá bản Mường'),
    attendanceMode: fc.constantFrom('roster', 'headcount'),
    headcount: fc.option(fc.record({ total: fc.nat(3), women: fc.nat(3), ethnicMinority: fc.nat(3) })),
  },
  { requiredKeys: ['format', 'provinceCode', 'startDate'] },
);
const sessionEdit = fc.record(
  {
    endDate: date,
    title: fc.constantFrom('', 'Truyền thông phòng chống bạo lực gia đình'),
    topicIds: fc.constantFrom('none', 'one'),
    placeName: fc.constantFrom('', 'Trạm y tế xã'),
    headcount: fc.option(fc.record({ total: fc.nat(3), women: fc.nat(3), ethnicMinority: fc.nat(3) })),
  },
  { requiredKeys: [] },
);
const image = { mime: 'image/jpeg', bytes: 2048, sha256: 'b'.repeat(64), width: 64, height: 48 };

const mutation: fc.Arbitrary<Step> = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({ slot, patch: fc.oneof(sessionPatch, sessionEdit) })
        .map(({ slot: s, patch }) => ({ who: 'trainer' as const, name: 'session.put', args: { slot: s, ...patch } })),
    },
    { weight: 3, arbitrary: slot.map((s) => ({ who: 'trainer' as const, name: 'session.submit', args: { slot: s } })) },
    { weight: 1, arbitrary: slot.map((s) => ({ who: 'trainer' as const, name: 'session.delete', args: { slot: s } })) },
    {
      weight: 3,
      arbitrary: fc
        .record({
          slot,
          who: fc.constantFrom<Who>('organiser', 'organiser', 'organiser', 'trainer'),
          decision: fc.constantFrom('approve', 'approve', 'return'),
          comment: fc.option(fc.constant('Bổ sung ảnh'), { nil: undefined, freq: 4 }),
        })
        .map(({ who, ...args }) => ({ who, name: 'session.review', args })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          slot,
          patch: fc.record(
            {
              fullName: fc.constantFrom('Lò Thị Hạnh', 'Vàng A Dế'),
              gender: fc.constantFrom('female', 'male'),
              consent: fc.constant({ method: 'oral-witnessed', at: '2026-11-19' }),
            },
            { requiredKeys: ['fullName'] },
          ),
        })
        .map(({ slot: s, patch }) => ({
          who: 'trainer' as const,
          name: 'participant.put',
          args: { slot: s, ...patch },
        })),
    },
    {
      weight: 1,
      arbitrary: slot.map((s) => ({ who: 'trainer' as const, name: 'participant.delete', args: { slot: s } })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({
          slot: fc.nat(2),
          session: slot,
          person: slot,
          note: fc.option(fc.constant('vắng buổi chiều'), { nil: undefined }),
        })
        .map((args) => ({ who: 'trainer' as const, name: 'attendance.put', args })),
    },
    {
      weight: 1,
      arbitrary: fc.nat(2).map((s) => ({ who: 'trainer' as const, name: 'attendance.delete', args: { slot: s } })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          slot,
          session: slot,
          full: fc.boolean(),
          caption: fc.option(fc.constantFrom('Lớp học', 'Ký danh sách')),
        })
        .map((args) => ({ who: 'trainer' as const, name: 'photo.put', args })),
    },
    { weight: 1, arbitrary: slot.map((s) => ({ who: 'trainer' as const, name: 'photo.delete', args: { slot: s } })) },
  )
  .map((m) => ({ kind: 'mutate' as const, ...m }));

const send: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('send' as const),
  who: fc.constantFrom<Who | 'both'>('trainer', 'organiser', 'both'),
  count: fc.integer({ min: 1, max: 5 }),
  replay: fc.nat(2),
  lose: fc.boolean(),
});

/** Every run starts from two complete sessions and two people (sent like any other mutations), so that the
 * random part reaches submission, review, approval and its lock rather than mostly missing records. */
const setup: Step[] = [
  {
    kind: 'mutate',
    who: 'trainer',
    name: 'session.put',
    args: {
      slot: 0,
      format: 'training',
      provinceCode: '40',
      startDate: '2026-11-19',
      title: 'Tập huấn',
      topicIds: 'one',
      placeName: 'Bản Mường',
      attendanceMode: 'roster',
    },
  },
  {
    kind: 'mutate',
    who: 'trainer',
    name: 'session.put',
    args: {
      slot: 1,
      format: 'talk',
      provinceCode: '40',
      startDate: '2026-11-20',
      title: 'Nói chuyện',
      topicIds: 'one',
      placeName: 'Xã Môn Sơn',
      attendanceMode: 'headcount',
      headcount: { total: 3, women: 2, ethnicMinority: 1 },
    },
  },
  {
    kind: 'mutate',
    who: 'trainer',
    name: 'participant.put',
    args: { slot: 0, fullName: 'Lò Thị Hạnh', gender: 'female', consent: { method: 'signed', at: '2026-11-19' } },
  },
  {
    kind: 'mutate',
    who: 'trainer',
    name: 'participant.put',
    args: { slot: 1, fullName: 'Vàng A Dế', gender: 'male', consent: { method: 'signed', at: '2026-11-19' } },
  },
];

// At most 25 mutations per run (the 4 of the setup included), with sends, replays and lost answers between.
const scenario = fc
  .array(fc.oneof({ arbitrary: mutation, weight: 5 }, { arbitrary: send, weight: 3 }), { minLength: 10, maxLength: 32 })
  .filter((steps) => steps.filter((s) => s.kind === 'mutate').length <= 21)
  .map((steps) => [...setup, ...steps]);

/** Turns a generated step into args with this run's fresh ids. */
function argsOf(
  name: string,
  args: Record<string, unknown> & { slot: number },
  ids: Record<string, string[]>,
  topicId: string,
) {
  const { slot: s, session, person, full, topicIds, ...rest } = args;
  const pick = (pool: string, i: unknown) => ids[pool]![i as number]!;
  if (name.startsWith('session.'))
    return { id: pick('session', s), ...rest, ...(topicIds ? { topicIds: topicIds === 'one' ? [topicId] : [] } : {}) };
  if (name.startsWith('participant.')) return { id: pick('person', s), ...rest };
  if (name === 'attendance.put')
    return {
      id: pick('attendance', s),
      sessionId: pick('session', session),
      participantId: pick('person', person),
      ...rest,
    };
  if (name === 'photo.put')
    return { id: pick('photo', s), ...(full ? { sessionId: pick('session', session), ...image } : {}), ...rest };
  return { id: pick(name.startsWith('photo') ? 'photo' : 'attendance', s) };
}

const freshIds = () =>
  Object.fromEntries(['session', 'person', 'attendance', 'photo'].map((k) => [k, [uuidv7(), uuidv7(), uuidv7()]]));

// The same scenarios through the device's side of the shared mutators (Dexie on fake-indexeddb): one local
// database, each step written as its author (the profile is swapped), every outcome and the final live rows
// as the model says. A device drops tombstones, so a step naming a record deleted earlier (which only the
// server can refuse) is left out of this run.
describe("the device's mutators against the model", () => {
  const spaceId = uuidv7();
  const unitId = uuidv7();
  const topicId = uuidv7();
  const profiles = {
    trainer: { role: 'trainer' as const, unitId, spaceId },
    organiser: { role: 'organiser' as const, unitId, spaceId },
  };

  async function runOnDevice(steps: Step[]) {
    const ids = freshIds();
    const users = { trainer: uuidv7(), organiser: uuidv7() };
    const db = new LogbookDb(users.trainer, profiles.trainer);
    const model = new SyncModel();
    const deleted = (name: string, args: { id: string }) => {
      const pool = name.startsWith('session')
        ? model.sessions
        : name.startsWith('participant')
          ? model.people
          : name.startsWith('attendance')
            ? model.attendance
            : model.photos;
      const named = [
        args.id,
        (args as { sessionId?: string }).sessionId,
        (args as { participantId?: string }).participantId,
      ];
      return named.some(
        (id) => id && (pool.get(id)?.deleted || model.sessions.get(id)?.deleted || model.people.get(id)?.deleted),
      );
    };
    for (const step of steps) {
      if (step.kind !== 'mutate') continue;
      const args = argsOf(step.name, step.args, ids, topicId);
      if (deleted(step.name, args)) continue;
      const expected = model.apply(step.who, step.name, args);
      // The writer's id is the database's user: an organiser's step runs as the organiser.
      Object.assign(db, { userId: users[step.who], profile: profiles[step.who] });
      let outcome: string = 'applied';
      try {
        await mutate(db, step.name as MutationName, args as never);
      } catch (error) {
        if (!(error instanceof MutationError)) throw error;
        outcome = error.code;
      }
      expect({ step: step.name, outcome }).toEqual({ step: step.name, outcome: expected });
    }
    const live = <T extends { deleted: boolean }>(rows: Map<string, T>) =>
      [...rows]
        .filter(([, r]) => !r.deleted)
        .map(([id]) => id)
        .sort();
    expect((await db.sessions.toArray()).map((r) => r.id).sort()).toEqual(live(model.sessions));
    expect((await db.participants.toArray()).map((r) => r.id).sort()).toEqual(live(model.people));
    expect((await db.attendance.toArray()).map((r) => r.id).sort()).toEqual(live(model.attendance));
    expect((await db.photos.toArray()).map((r) => r.id).sort()).toEqual(live(model.photos));
    for (const [id, s] of model.sessions) {
      if (s.deleted) continue;
      expect(await db.sessions.get(id)).toMatchObject({
        status: s.status,
        title: s.title,
        placeName: s.placeName,
        attendanceMode: s.attendanceMode,
        startDate: s.startDate,
        endDate: s.endDate,
        reviewComment: s.reviewComment,
      });
    }
    for (const [id, p] of model.people)
      if (!p.deleted) expect(await db.participants.get(id)).toMatchObject({ fullName: p.fullName, gender: p.gender });
    for (const [id, a] of model.attendance)
      if (!a.deleted)
        expect(await db.attendance.get(id)).toMatchObject({ sessionId: a.sessionId, participantId: a.participantId });
    for (const [id, p] of model.photos)
      if (!p.deleted) expect(await db.photos.get(id)).toMatchObject({ sessionId: p.sessionId, caption: p.caption });
    db.close();
    await db.delete();
  }

  it("ends in the model's state with the model's outcomes", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (steps) => runOnDevice(steps)),
      { numRuns: 60 },
    );
  });
});

describe.each(databaseTargets)('push against a model on %s', (kind) => {
  let t: TestApp;
  let topicId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    [topicId] = (await topicIdsOf(t, (await signIn(t, 'trainer.na')).user.spaceId)) as [string];
  });
  afterAll(async () => {
    await t.close();
  });

  async function run(steps: Step[], actors: Record<Who, Actor>) {
    const ids = freshIds();
    const model = new SyncModel();
    const clients = {
      trainer: { actor: actors.trainer, queue: [] as Wire[], acked: 0, applied: 0 },
      organiser: { actor: actors.organiser, queue: [] as Wire[], acked: 0, applied: 0 },
    };
    for (const who of ['trainer', 'organiser'] as const) actors[who].clientId = uuidv7();
    const expected = new Map<string, Outcome>();

    const sendBatch = async (who: Who, count: number, replay: number, lose: boolean) => {
      const client = clients[who];
      const from = Math.max(0, client.acked - replay);
      const batch = client.queue.slice(from, Math.min(client.queue.length, client.acked + count));
      if (batch.length === 0) return;
      const response = await client.actor.pushRaw(batch);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        lastMutationId: number;
        results: { id: number; status: string; error?: { code: string } }[];
      };
      for (const m of batch) {
        if (m.id <= client.applied) continue;
        expected.set(`${who}:${m.id}`, model.apply(who, m.name, m.args as never));
        client.applied = m.id;
      }
      const outcomes = body.results.map((r) => (r.status === 'applied' ? 'applied' : r.error!.code));
      expect(outcomes).toEqual(batch.map((m) => expected.get(`${who}:${m.id}`)));
      expect(body.lastMutationId).toBe(client.applied);
      if (!lose) client.acked = Math.max(client.acked, batch.at(-1)!.id);
    };

    for (const step of steps) {
      if (step.kind === 'send') {
        for (const who of step.who === 'both' ? (['trainer', 'organiser'] as const) : [step.who])
          await sendBatch(who, step.count, step.replay, step.lose);
      } else
        clients[step.who].queue.push(
          wire(clients[step.who].queue.length + 1, step.name, argsOf(step.name, step.args, ids, topicId)),
        );
    }
    for (const who of ['organiser', 'trainer'] as const) await sendBatch(who, 1000, 0, false);
    await expectSameState(model, ids);
  }

  async function expectSameState(model: SyncModel, ids: Record<string, string[]>) {
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const dbSessions = byId(await t.db.select().from(sessions).where(inArray(sessions.id, ids.session!)));
    expect(dbSessions.size).toBe(model.sessions.size);
    for (const [id, s] of model.sessions) {
      expect(dbSessions.get(id)).toMatchObject({
        status: s.status,
        deleted: s.deleted,
        title: s.title,
        placeName: s.placeName,
        attendanceMode: s.attendanceMode,
        startDate: s.startDate,
        endDate: s.endDate,
        headcountTotal: s.headcount?.total ?? null,
        reviewComment: s.reviewComment,
      });
    }
    const dbPeople = byId(await t.db.select().from(participants).where(inArray(participants.id, ids.person!)));
    expect(dbPeople.size).toBe(model.people.size);
    for (const [id, p] of model.people) expect(dbPeople.get(id)).toMatchObject(p);
    const dbAttendance = byId(await t.db.select().from(attendance).where(inArray(attendance.id, ids.attendance!)));
    expect(dbAttendance.size).toBe(model.attendance.size);
    for (const [id, a] of model.attendance) expect(dbAttendance.get(id)).toMatchObject(a);
    const dbPhotos = byId(await t.db.select().from(photos).where(inArray(photos.id, ids.photo!)));
    expect(dbPhotos.size).toBe(model.photos.size);
    for (const [id, p] of model.photos) expect(dbPhotos.get(id)).toMatchObject(p);
  }

  it("ends in the model's state with the model's outcomes, whatever the batching, replays and lost answers", async () => {
    const actors = { trainer: await signIn(t, 'trainer.na'), organiser: await signIn(t, 'organiser.na') };
    await fc.assert(
      fc.asyncProperty(scenario, (steps) => run(steps, actors)),
      { numRuns: 30 },
    );
  });
});

// The trainer's steps on a real device (its own rules first: what it refuses is never queued), synced with the
// client's own push and pull code, answers lost on `lose`; the organiser's straight to the server, and so are the
// edits of people that name no gender, made by another trainer of the unit (the device may then write over a
// version it has not pulled, which must come back in full). Each run
// ends with the device holding exactly the server's rows (by its base where refused changes stay queued), and
// across the runs the device's pulls did leave its own writes out.
describe.each(databaseTargets)('a device that skips its echoes on %s', (kind) => {
  let t: TestApp;
  let topicId: string;
  let omittedPages = 0;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const trainer = await signIn(t, 'trainer.na');
    [topicId] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
    const [unit] = await t.db.select().from(units).where(eq(units.id, trainer.user.unitId));
    await addUser(t, 'trainer.na.other', 'trainer', unit!.shortName);
  });
  afterAll(async () => {
    await t.close();
  });

  async function run(steps: Step[], trainer: Actor, organiser: Actor, other: Actor) {
    const ids = freshIds();
    const device = new EchoDevice(t, trainer);
    const queued: [string, unknown][] = [];
    const otherQueued: [string, unknown][] = [];
    try {
      await device.sync();
      for (const step of steps) {
        if (step.kind === 'mutate') {
          const args = argsOf(step.name, step.args, ids, topicId);
          if (step.who === 'organiser') queued.push([step.name, args]);
          // A field the device never writes: its rebuild could not make it up.
          else if (step.name === 'participant.put' && !('gender' in step.args))
            otherQueued.push([step.name, { ...args, workplace: 'Trạm y tế xã' }]);
          else
            await mutate(device.db, step.name as MutationName, args as never).catch((error: unknown) => {
              if (!(error instanceof MutationError)) throw error;
            });
          continue;
        }
        if (step.who !== 'trainer' && queued.length > 0) await organiser.push(...queued.splice(0, step.count));
        if (step.who !== 'trainer' && otherQueued.length > 0) await other.push(...otherQueued.splice(0));
        if (step.who !== 'organiser') await (step.lose ? device.syncLosingPushAnswer() : device.sync());
      }
      if (queued.length > 0) await organiser.push(...queued.splice(0));
      if (otherQueued.length > 0) await other.push(...otherQueued.splice(0));
      await device.sync();
      expect((await device.db.outbox.toArray()).filter((e) => e.status !== 'rejected')).toEqual([]);
      expect(Object.fromEntries(await device.serverState())).toEqual(Object.fromEntries(await serverRows(trainer)));
      omittedPages += device.omittedPages;
    } finally {
      await device.close();
    }
  }

  it("ends with exactly the server's rows, whatever the batching, the organiser's reviews and lost answers", async () => {
    const trainer = await signIn(t, 'trainer.na');
    const organiser = await signIn(t, 'organiser.na');
    const other = await signIn(t, 'trainer.na.other');
    await fc.assert(
      fc.asyncProperty(scenario, (steps) => run(steps, trainer, organiser, other)),
      { numRuns: 20 },
    );
    expect(omittedPages).toBeGreaterThan(0);
    // Each run syncs a real device several times over: more than the default minute on a loaded machine.
  }, 300_000);
});
