// An organiser's working set (pull `scope: "working-set"`): review items in full first, then session headers
// of the last months and the reference data; a session submitted later arrives with its roster; older
// sessions are read on demand through GET /api/sync/sessions/:id, within the reader's scope only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Change, SyncEntity } from '#domain/schemas/sync';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { completeSession, participantArgs, signIn, topicIdsOf, type Actor } from './sync-fixtures';

const WS = { scope: 'working-set' };
const ids = (changes: Change[], entity: SyncEntity) =>
  new Set(changes.filter((c) => c.entity === entity).map((c) => c.id));

describe.each(databaseTargets)('an organiser working set on %s', (kind) => {
  let t: TestApp;
  let trainer: Actor;
  let organiser: Actor;
  let lcOrganiser: Actor;
  let topic: string;
  const waiting = { session: uuidv7(), person: uuidv7(), attendance: uuidv7(), photo: uuidv7() };
  const recent = { session: uuidv7(), person: uuidv7(), attendance: uuidv7() };
  const old = { session: uuidv7(), person: uuidv7(), attendance: uuidv7() };
  const late = { session: uuidv7(), person: uuidv7(), attendance: uuidv7() };

  /** A roster session with one person, submitted; approved too when `approve`. */
  async function recordSession(
    s: { session: string; person: string; attendance: string },
    startDate: string,
    approve: boolean,
  ) {
    await trainer.push(
      [
        'session.put',
        completeSession(s.session, topic, { attendanceMode: 'roster', headcount: null, startDate, endDate: startDate }),
      ],
      ['participant.put', participantArgs(s.person)],
      ['attendance.put', { id: s.attendance, sessionId: s.session, participantId: s.person }],
      ['session.submit', { id: s.session }],
    );
    if (approve)
      expect(await organiser.one('session.review', { id: s.session, decision: 'approve' })).toMatchObject({
        status: 'applied',
      });
  }

  beforeAll(async () => {
    t = await createTestApp({ kind });
    trainer = await signIn(t, 'trainer.na');
    organiser = await signIn(t, 'organiser.na');
    lcOrganiser = await signIn(t, 'organiser.lc');
    [topic] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
    await recordSession(old, '2024-03-15', true);
    await recordSession(recent, '2026-10-02', true);
    await recordSession(waiting, '2026-11-20', false);
    await trainer.push([
      'photo.put',
      {
        id: waiting.photo,
        sessionId: waiting.session,
        mime: 'image/jpeg',
        bytes: 1234,
        sha256: 'a'.repeat(64),
        width: 640,
        height: 480,
      },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('delivers the reference data and the sessions awaiting review in full before anything else, saying how much is left', async () => {
    const first = await organiser.pull(null, 1000, WS);
    expect(first.workingSet).toBe(true);
    expect(first.hasMore).toBe(true);
    expect(first.remaining).toBeGreaterThan(0);
    expect(ids(first.changes, 'session')).toEqual(new Set([waiting.session]));
    expect(ids(first.changes, 'attendance')).toEqual(new Set([waiting.attendance]));
    expect(ids(first.changes, 'participant')).toEqual(new Set([waiting.person]));
    expect(ids(first.changes, 'photo')).toEqual(new Set([waiting.photo]));
    expect(ids(first.changes, 'unit').size).toBeGreaterThan(1);
    expect(ids(first.changes, 'topic').has(topic)).toBe(true);
    expect(ids(first.changes, 'user').has(trainer.user.id)).toBe(true);
  });

  it('holds headers of recent sessions, not their rosters, and nothing of older ones', async () => {
    const { changes, pages } = await organiser.pullAll(null, 1000, WS);
    expect(pages.at(-1)).toMatchObject({ hasMore: false, remaining: 0 });
    expect(ids(changes, 'session')).toEqual(new Set([waiting.session, recent.session]));
    expect(ids(changes, 'attendance')).toEqual(new Set([waiting.attendance]));
    expect(ids(changes, 'participant')).toEqual(new Set([waiting.person]));
    const keys = changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('brings the roster along when a session written earlier is submitted after the sync', async () => {
    const { cursor } = await organiser.pullAll(null, 1000, WS);
    await trainer.push(
      ['session.put', completeSession(late.session, topic, { attendanceMode: 'roster', headcount: null })],
      ['participant.put', participantArgs(late.person)],
      ['attendance.put', { id: late.attendance, sessionId: late.session, participantId: late.person }],
    );
    const between = await organiser.pullAll(cursor, 1000, WS);
    expect(ids(between.changes, 'session')).toEqual(new Set([late.session]));
    expect(ids(between.changes, 'attendance').size).toBe(0);
    await trainer.push(['session.submit', { id: late.session }]);
    const after = await organiser.pullAll(between.cursor, 1000, WS);
    expect(ids(after.changes, 'session')).toEqual(new Set([late.session]));
    expect(ids(after.changes, 'attendance')).toEqual(new Set([late.attendance]));
    expect(ids(after.changes, 'participant')).toEqual(new Set([late.person]));
    expect(await organiser.one('session.review', { id: late.session, decision: 'approve' })).toMatchObject({
      status: 'applied',
    });
  });

  it('pages the review phase with small limits without losing or repeating an item', async () => {
    const extra = Array.from({ length: 4 }, () => ({ session: uuidv7(), person: uuidv7(), attendance: uuidv7() }));
    for (const s of extra) await recordSession(s, '2026-11-01', false);
    const { changes, pages } = await organiser.pullAll(null, 3, WS);
    expect(pages.length).toBeGreaterThan(3);
    const sessions = changes.filter((c) => c.entity === 'session').map((c) => c.id);
    expect(new Set(sessions)).toEqual(
      new Set([waiting.session, recent.session, late.session, ...extra.map((s) => s.session)]),
    );
    expect(ids(changes, 'attendance')).toEqual(new Set([waiting.attendance, ...extra.map((s) => s.attendance)]));
    for (const s of extra)
      expect(await organiser.one('session.review', { id: s.session, decision: 'approve' })).toMatchObject({
        status: 'applied',
      });
  });

  it('starts afresh (reset) when a full cursor is continued as a working set', async () => {
    const full = await organiser.pullAll(null, 1000);
    expect(full.pages[0]?.workingSet).toBeUndefined();
    const page = await organiser.pull(full.cursor, 1000, WS);
    expect(page.reset).toBe(true);
    expect(ids(page.changes, 'session')).toEqual(new Set([waiting.session]));
  });

  it('gives trainers their full history whatever they ask', async () => {
    const full = await trainer.pullAll(null, 1000);
    const asked = await trainer.pullAll(null, 1000, WS);
    expect(asked.pages[0]?.workingSet).toBeUndefined();
    expect(asked.changes.map((c) => `${c.entity}:${c.id}@${c.version}`)).toEqual(
      full.changes.map((c) => `${c.entity}:${c.id}@${c.version}`),
    );
    expect(ids(asked.changes, 'attendance').has(old.attendance)).toBe(true);
  });

  it("reads an older session with its roster on demand, only within the reader's scope", async () => {
    const response = await t.request(`/api/sync/sessions/${old.session}`, { cookie: organiser.cookie });
    expect(response.status).toBe(200);
    const { changes } = (await response.json()) as { changes: Change[] };
    expect(changes[0]).toMatchObject({
      entity: 'session',
      id: old.session,
      data: { status: 'approved', startDate: '2024-03-15' },
    });
    expect(ids(changes, 'attendance')).toEqual(new Set([old.attendance]));
    expect(ids(changes, 'participant')).toEqual(new Set([old.person]));

    const elsewhere = await t.request(`/api/sync/sessions/${old.session}`, { cookie: lcOrganiser.cookie });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await t.request(`/api/sync/sessions/${uuidv7()}`, { cookie: organiser.cookie })).status).toBe(404);
    expect((await t.request(`/api/sync/sessions/not-an-id`, { cookie: organiser.cookie })).status).toBe(404);
    expect((await t.request(`/api/sync/sessions/${old.session}`, { cookie: null })).status).toBe(401);
  });
});
