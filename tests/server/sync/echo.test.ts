// No echo (docs/sync.md §10): after a device's push, its pull leaves out the rows that push wrote as the device
// computed them, the device rebuilds them from its outbox with the server's time and version, and ends with
// exactly the server's rows. Rows another client wrote, rows the device did not hold as they were, first pulls,
// resets and old clients all get every row in full.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { mutate } from '#client/db/local-writes.ts';
import type { PullResponse, PushResponse } from '#domain/schemas/sync';
import { sessions, units } from '#server/db/schema';
import { passed } from '#server/sync/echo-stamps';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { EchoDevice, serverRows } from './echo-device';
import { addUser, completeSession, participantArgs, signIn, topicIdsOf, wire, type Actor } from './sync-fixtures';

describe('a cursor position passed', () => {
  it('compares (version, entity, id) with the position, inside a version too', () => {
    const id = '01900000-0000-7000-8000-00000000000b';
    expect(passed(undefined, 1, 'session', id)).toBe(false);
    expect(passed([5], 5, 'session', id)).toBe(true);
    expect(passed([5], 6, 'session', id)).toBe(false);
    // A page that ended inside version 5, at attendance …0a: earlier entities and ids of 5 are delivered.
    const inside = [5, 'attendance', '01900000-0000-7000-8000-00000000000a'] as const;
    expect(passed(inside, 4, 'session', id)).toBe(true);
    expect(passed(inside, 5, 'attendance', '01900000-0000-7000-8000-000000000009')).toBe(true);
    expect(passed(inside, 5, 'attendance', '01900000-0000-7000-8000-00000000000a')).toBe(true);
    expect(passed(inside, 5, 'attendance', id)).toBe(false);
    expect(passed(inside, 5, 'session', id)).toBe(false);
    expect(passed(inside, 5, 'participant', id)).toBe(false);
  });
});

describe.each(databaseTargets)('no echo on %s', (kind) => {
  let t: TestApp;
  let topicId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    [topicId] = (await topicIdsOf(t, (await signIn(t, 'trainer.na')).user.spaceId)) as [string];
  });
  afterAll(async () => {
    await t.close();
  });

  /** A session with two people on it, written on the device as a trainer does. */
  async function recordSession(device: EchoDevice) {
    const ids = { session: uuidv7(), people: [uuidv7(), uuidv7()], rows: [uuidv7(), uuidv7()] };
    const session = completeSession(ids.session, topicId, {
      attendanceMode: 'roster',
      headcount: null,
    });
    await mutate(device.db, 'session.put', { ...session, title: '  Tập huấn có khoảng trắng  ' } as never);
    for (const [i, person] of ids.people.entries()) {
      await mutate(device.db, 'participant.put', participantArgs(person, { fullName: ` Lò Thị ${i} ` }) as never);
      await mutate(device.db, 'attendance.put', { id: ids.rows[i]!, sessionId: ids.session, participantId: person });
    }
    await mutate(device.db, 'session.submit', { id: ids.session });
    return ids;
  }

  async function expectServerRows(device: EchoDevice, actor: Actor) {
    expect(Object.fromEntries(await device.serverState())).toEqual(Object.fromEntries(await serverRows(actor)));
  }

  it("leaves the device's own writes out of its next pull, and the device ends with the server's rows", async () => {
    const actor = await signIn(t, 'trainer.na');
    const device = new EchoDevice(t, actor);
    await device.sync();
    const before = device.pulledChanges;

    const ids = await recordSession(device);
    await device.sync();
    expect(device.pulledChanges - before).toBe(0);
    expect(device.omittedPages).toBeGreaterThan(0);
    expect(await device.db.outbox.count()).toBe(0);
    expect(await device.db.sessions.get(ids.session)).toMatchObject({ status: 'submitted', pending: false });
    await expectServerRows(device, actor);

    // A second push of the same records (a chain of this device's own writes) is left out too.
    await mutate(device.db, 'participant.put', { id: ids.people[0]!, phone: '0912345678' });
    await mutate(device.db, 'attendance.put', {
      id: ids.rows[1]!,
      sessionId: ids.session,
      participantId: ids.people[1]!,
      note: 'vắng buổi chiều',
    });
    await device.sync();
    expect(device.pulledChanges - before).toBe(0);
    await expectServerRows(device, actor);
    await device.close();
  });

  it('sends in full what another client wrote, and leaves out what the device then writes over it', async () => {
    const actor = await signIn(t, 'trainer.na');
    const organiser = await signIn(t, 'organiser.na');
    const device = new EchoDevice(t, actor);
    await device.sync();
    const ids = await recordSession(device);
    await device.sync();

    await organiser.push(['session.review', { id: ids.session, decision: 'return', comment: 'Bổ sung ảnh' }]);
    let before = device.pulledChanges;
    await device.sync();
    expect(device.pulledChanges - before).toBe(1);
    expect(await device.db.sessions.get(ids.session)).toMatchObject({ status: 'returned' });

    // The device's cursor passed the organiser's write: its own edit over it is left out.
    await mutate(device.db, 'session.put', { id: ids.session, placeName: 'Nhà văn hoá bản Xiềng' });
    await mutate(device.db, 'session.submit', { id: ids.session });
    before = device.pulledChanges;
    await device.sync();
    expect(device.pulledChanges - before).toBe(0);
    await expectServerRows(device, actor);
    await device.close();
  });

  it('sends in full a row the device wrote over a version it had not pulled', async () => {
    const actor = await signIn(t, 'trainer.na');
    const device = new EchoDevice(t, actor);
    // Another trainer of the unit (a device database is per user), who may edit the unit's people too.
    const [unit] = await t.db.select().from(units).where(eq(units.id, actor.user.unitId));
    await addUser(t, 'trainer.na.2', 'trainer', unit!.shortName);
    const other = new EchoDevice(t, await signIn(t, 'trainer.na.2'));
    await device.sync();
    const ids = await recordSession(device);
    await device.sync();
    await other.sync();

    // The other trainer edits the person; this device, not having pulled that, edits it too.
    await mutate(other.db, 'participant.put', { id: ids.people[0]!, workplace: 'Trạm y tế xã' });
    await other.sync();
    await mutate(device.db, 'participant.put', { id: ids.people[0]!, position: 'Y sĩ' });
    const before = device.pulledChanges;
    await device.sync();
    expect(device.pulledChanges - before).toBe(1);
    expect(await device.db.participants.get(ids.people[0]!)).toMatchObject({
      workplace: 'Trạm y tế xã',
      position: 'Y sĩ',
    });
    await expectServerRows(device, actor);
    await other.close();
    await device.close();
  });

  it('answers every row in full to a first pull, a reset, a pull without the flag and another client', async () => {
    const actor = await signIn(t, 'trainer.na');
    const { cursor } = await actor.pullAll(null);
    const sessionId = uuidv7();
    const pushed = await t.request('/api/sync/push', {
      method: 'POST',
      json: {
        clientId: actor.clientId,
        cursor,
        mutations: [wire(1, 'session.put', completeSession(sessionId, topicId))],
      },
      cookie: actor.cookie,
    });
    const answer = (await pushed.json()) as PushResponse;
    expect(answer.results).toEqual([{ id: 1, status: 'applied' }]);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(answer.echoes).toEqual([{ from: 1, to: 1, at: row!.updatedAt.toISOString(), version: row!.version }]);
    expect(row).toMatchObject({ echoClientId: actor.clientId, echoVersion: row!.version });

    const ids = (page: PullResponse) => page.changes.map((c) => c.id);
    const omitted = await actor.pull(cursor, undefined, { echoes: 'omit' });
    expect(ids(omitted)).not.toContain(sessionId);
    expect(omitted.echoes).toBe('omitted');
    expect(ids(await actor.pull(cursor))).toContain(sessionId);
    expect((await actor.pull(cursor)).echoes).toBeUndefined();
    expect(ids((await actor.pullAll(null, undefined, { echoes: 'omit' })).pages[0]!)).toBeDefined();
    expect((await actor.pullAll(null, undefined, { echoes: 'omit' })).changes.map((c) => c.id)).toContain(sessionId);
    const reset = await actor.pull('bm90LWEtY3Vyc29y', undefined, { echoes: 'omit' });
    expect(reset.reset).toBe(true);
    expect((await actor.pullAll('bm90LWEtY3Vyc29y', undefined, { echoes: 'omit' })).changes.map((c) => c.id)).toContain(
      sessionId,
    );
    const another = await signIn(t, 'trainer.na');
    expect(ids(await another.pull(cursor, undefined, { echoes: 'omit' }))).toContain(sessionId);

    // A push without a cursor (an older client) stamps nothing and hears no echoes.
    actor.nextId = 2;
    const old = await actor.push(['session.put', { id: sessionId, placeName: 'Bản Mường' }]);
    expect(old.echoes).toBeUndefined();
    expect(ids(await actor.pull(cursor, undefined, { echoes: 'omit' }))).toContain(sessionId);
  });

  it('replays answer the first push time and version, so a lost answer still rebuilds', async () => {
    const actor = await signIn(t, 'trainer.na');
    const device = new EchoDevice(t, actor);
    await device.sync();
    await recordSession(device);
    await device.syncLosingPushAnswer();
    expect((await device.db.outbox.toArray()).every((e) => e.status === 'sent')).toBe(true);
    t.clock.advance(60_000);
    const before = device.pulledChanges;
    await device.sync();
    expect(device.pulledChanges - before).toBe(0);
    await expectServerRows(device, actor);
    await device.close();
  });

  it('pulls the page again in full when the device cannot rebuild a left-out row', async () => {
    const actor = await signIn(t, 'trainer.na');
    const device = new EchoDevice(t, actor);
    await device.sync();
    const ids = await recordSession(device);
    await device.sync();
    await mutate(device.db, 'session.put', { id: ids.session, notes: 'Có phiên dịch' });
    // The base under the change is lost (as if never kept): the device must not guess the row.
    await device.db.bases.delete(['session', ids.session]);
    const before = device.pulledChanges;
    const requests = device.pullRequests.length;
    await device.sync();
    expect(device.pullRequests.slice(requests).map((r) => r.echoes)).toEqual(['omit', undefined]);
    expect(device.pulledChanges - before).toBe(1);
    await expectServerRows(device, actor);
    await device.close();
  });

  /** A trainer's device that submitted `count` sessions, and an organiser's device that has pulled them to review. */
  async function awaitingReview(count: number) {
    const trainer = new EchoDevice(t, await signIn(t, 'trainer.na'));
    const organiserActor = await signIn(t, 'organiser.na');
    const organiser = new EchoDevice(t, organiserActor);
    await trainer.sync();
    await organiser.sync();
    const submitted = [];
    for (let i = 0; i < count; i += 1) submitted.push(await recordSession(trainer));
    await trainer.sync();
    await organiser.sync();
    return { trainer, organiser, organiserActor, submitted };
  }

  it("leaves an organiser's reviews out of the next pull of its working set, rebuilt as the server wrote them", async () => {
    const { trainer, organiser, organiserActor, submitted } = await awaitingReview(2);
    const [returned, approved] = submitted.map((ids) => ids.session) as [string, string];
    expect(organiser.pullRequests.at(-1)?.scope).toBe('working-set');
    expect(await organiser.db.sessions.get(approved)).toMatchObject({ status: 'submitted' });

    await mutate(organiser.db, 'session.review', { id: approved, decision: 'approve' });
    await mutate(organiser.db, 'session.review', {
      id: returned,
      decision: 'return',
      comment: 'Thiếu ảnh danh sách ký tên',
    });
    const before = organiser.pulledChanges;
    const omitted = organiser.omittedPages;
    await organiser.sync();
    expect(organiser.pulledChanges - before).toBe(0);
    expect(organiser.omittedPages).toBeGreaterThan(omitted);
    expect(await organiser.db.outbox.count()).toBe(0);
    // The rows the device rebuilt are the server's, reviewer, time and version included.
    const server = await serverRows(organiserActor);
    const device = await organiser.serverState();
    for (const id of [approved, returned]) {
      expect(device.get(`session:${id}`)).toEqual(server.get(`session:${id}`));
    }
    expect(device.get(`session:${approved}`)).toMatchObject({ status: 'approved' });
    expect(device.get(`session:${returned}`)).toMatchObject({
      status: 'returned',
      reviewComment: 'Thiếu ảnh danh sách ký tên',
    });

    // The trainer's device, which wrote neither review, gets both in full.
    const trainerBefore = trainer.pulledChanges;
    await trainer.sync();
    expect(trainer.pulledChanges - trainerBefore).toBe(2);
    await organiser.close();
    await trainer.close();
  });

  it('sends an organiser in full a session reviewed over a version its working set had not pulled', async () => {
    const { trainer, organiser, organiserActor, submitted } = await awaitingReview(1);
    const ids = submitted[0]!;
    // The trainer corrects the submitted session; the organiser approves the copy it holds, before pulling.
    await mutate(trainer.db, 'session.put', { id: ids.session, placeName: 'Nhà văn hoá bản Pá Khôm' });
    await trainer.sync();
    await mutate(organiser.db, 'session.review', { id: ids.session, decision: 'approve' });
    const before = organiser.pulledChanges;
    await organiser.sync();
    expect(organiser.pulledChanges - before).toBe(1);
    const row = (await organiser.serverState()).get(`session:${ids.session}`);
    expect(row).toEqual((await serverRows(organiserActor)).get(`session:${ids.session}`));
    expect(row).toMatchObject({ status: 'approved', placeName: 'Nhà văn hoá bản Pá Khôm' });
    await organiser.close();
    await trainer.close();
  });
});
