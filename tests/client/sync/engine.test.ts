import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { deleteSession, putAttendance, putParticipant, putPhoto, putSession } from '#client/db/local-writes.ts';
import { getMeta, setMeta } from '#client/db/meta.ts';
import { discardRejected } from '#client/db/rejected-entries.ts';
import { nextPullLimit } from '#client/sync/page-size.ts';
import { pullAll } from '#client/sync/pull.ts';
import { ApiRequestError, NetworkError } from '#client/sync/api.ts';
import { syncOnce, type SyncProgress } from '#client/sync/engine.ts';
import { freshDb, newParticipant, newSession } from '../db/fixtures';
import { FakeSyncServer } from './fake-server';

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => vi.unstubAllGlobals());

const pushes = () => server.requests.filter((r) => r.path === '/api/sync/push');
const pulls = () => server.requests.filter((r) => r.path === '/api/sync/pull');

describe('syncOnce', () => {
  it('pushes local writes and pulls them back as server rows', async () => {
    const db = freshDb();
    const session = newSession({ title: 'Tập huấn' });
    await putSession(db, session);
    const person = newParticipant();
    await putParticipant(db, person);
    await putSession(db, { id: session.id, placeName: 'Bản Khe Rạn' });

    const progress: SyncProgress[] = [];
    const summary = await syncOnce(db, { onProgress: (p) => progress.push(p) });

    expect(summary).toMatchObject({ pushed: 3, applied: 3, rejected: 0, pulled: 2, pages: 1 });
    expect(server.row('session', session.id)).toMatchObject({ title: 'Tập huấn', placeName: 'Bản Khe Rạn' });
    expect(server.row('participant', person.id)).toMatchObject({ fullName: 'Nguyễn Thị Hoà' });
    expect(await db.sessions.get(session.id)).toMatchObject({ version: 1, pending: false, trainerId: db.userId });
    expect(await db.participants.get(person.id)).toMatchObject({ version: 1, searchKey: 'nguyen thi hoa' });
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'lastMutationId')).toBe(3);
    expect(await getMeta(db, 'lastSyncAt')).not.toBeNull();
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['push', 'pull', 'photos']));
    expect(pushes()[0]?.headers['Content-Encoding']).toBe('gzip');
  });

  it('keeps every change unsent and none refused while the server answers 503 (its database is away)', async () => {
    const db = freshDb();
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    server.failWith = { status: 503, code: 'unavailable', retryAfter: 5 };

    const error = await syncOnce(db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', retryAfterMs: 5_000 });
    expect((await db.outbox.toArray()).map((e) => e.status)).not.toContain('rejected');
    expect(await db.outbox.count()).toBe(2);
    expect(await getMeta(db, 'lastSyncError')).toBe('unavailable');

    server.failWith = null;
    expect(await syncOnce(db)).toMatchObject({ applied: 2, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('replays a lost push answer without applying anything twice', async () => {
    const db = freshDb();
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    server.dropNextPushAnswer = true;

    await expect(syncOnce(db)).rejects.toBeInstanceOf(NetworkError);
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['sent', 'sent']);
    expect(await getMeta(db, 'lastSyncError')).toBe('network_error');

    await syncOnce(db);
    expect(server.appliedCount).toBe(2);
    expect(pushes().map((r) => (r.body as { mutations: { id: number }[] }).mutations.map((m) => m.id))).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sessions.count()).toBe(1);
  });

  it('keeps a refused change with its reason while the others go through', async () => {
    const db = freshDb();
    const bad = newSession({ title: 'Bị từ chối' });
    const good = newSession({ title: 'Được nhận' });
    await putSession(db, bad);
    await putSession(db, good);
    server.refuse = (m) =>
      (m.args as { title?: string }).title === 'Bị từ chối' ? { code: 'forbidden', message: 'no' } : undefined;

    const summary = await syncOnce(db);
    expect(summary).toMatchObject({ applied: 1, rejected: 1 });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ id: 1, status: 'rejected', error: { code: 'forbidden', message: 'no' } }),
    ]);
    expect(await db.sessions.get(bad.id)).toMatchObject({ rejected: true });
    expect(await db.sessions.get(good.id)).toMatchObject({ version: 1, pending: false });
  });

  it('sends at most 500 mutations per request', { timeout: 60_000 }, async () => {
    const db = freshDb();
    for (let i = 0; i < 501; i += 1) await putParticipant(db, newParticipant({ fullName: `Người ${i}` }));

    await syncOnce(db);
    expect(pushes().map((r) => (r.body as { mutations: unknown[] }).mutations.length)).toEqual([500, 1]);
    expect(server.appliedCount).toBe(501);
    expect(await db.participants.filter((p) => p.version !== undefined).count()).toBe(501);
  });

  it('pulls page after page until there is no more', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i += 1) await putSession(db, newSession());
    server.pullLimit = 2;

    const summary = await syncOnce(db);
    expect(summary).toMatchObject({ pulled: 5, pages: 3 });
    expect(await db.sessions.filter((s) => s.version === 1).count()).toBe(5);
  });

  it('asks for the page size it learned', async () => {
    const db = freshDb();
    await setMeta(db, 'pullLimit', 300);
    for (let i = 0; i < 5; i += 1) await putSession(db, newSession());
    await syncOnce(db);
    expect(pulls().map((r) => (r.body as { limit?: number }).limit)).toEqual([300]);
  });

  it('asks for smaller pages after one it applied slowly, and keeps asking so at the next sync', async () => {
    const db = freshDb();
    for (let i = 0; i < 150; i += 1) await putSession(db, newSession());
    // Each reading of the clock 400 ms after the last: applying the page takes at least that long.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 400));
    try {
      await syncOnce(db);
    } finally {
      now.mockRestore();
    }
    expect(pulls().map((r) => (r.body as { limit?: number }).limit)).toEqual([undefined]);
    // A slow page of 150 rows: the next asks for half the server's default (halving at most at once).
    expect(await getMeta(db, 'pullLimit')).toBe(nextPullLimit(null, 150, 400));
    expect(await getMeta(db, 'pullLimit')).toBe(500);

    await putSession(db, newSession());
    await syncOnce(db);
    expect((pulls().at(-1)?.body as { limit?: number }).limit).toBe(500);
  });

  it('keeps a change whose push answer has not come through an overlapping pull, and the next push brings its refusal', async () => {
    const db = freshDb();
    const session = newSession({ title: 'Bị từ chối' });
    await putSession(db, session);
    server.refuse = () => ({ code: 'forbidden', message: 'no' });
    server.dropNextPushAnswer = true;
    await expect(syncOnce(db)).rejects.toBeInstanceOf(NetworkError);

    // Another tab pulls meanwhile (no Web Locks): the server's lastMutationId already covers the change.
    await pullAll(db, () => undefined);
    expect(await db.outbox.get(1)).toMatchObject({ status: 'sent' });
    expect(await db.sessions.get(session.id)).toMatchObject({ pending: true, rejected: false });

    await syncOnce(db);
    expect(await db.outbox.get(1)).toMatchObject({ status: 'rejected', error: { code: 'forbidden', message: 'no' } });
    expect(await db.sessions.get(session.id)).toMatchObject({ pending: false, rejected: true });
    expect(server.appliedCount).toBe(0);
  });

  it("names the database's user in every push and pull", async () => {
    const db = freshDb();
    await putSession(db, newSession());
    await syncOnce(db);
    const sync = server.requests.filter((r) => r.path.startsWith('/api/sync/'));
    expect(sync.map((r) => r.path)).toEqual(['/api/sync/push', '/api/sync/pull']);
    for (const request of sync) expect(request.body).toMatchObject({ userId: db.userId });
  });

  it("stops, discarding nothing, when the server says the cookie is another user's (403)", async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    server.signedInAs = crypto.randomUUID();

    const error = await syncOnce(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    expect(server.appliedCount).toBe(0);
    expect(await db.outbox.get(1)).toMatchObject({ status: 'sent' });

    server.signedInAs = db.userId;
    await syncOnce(db);
    expect(server.row('session', session.id)).toBeDefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('pauses on 401 without discarding anything', async () => {
    const db = freshDb();
    await putSession(db, newSession());
    server.failWith = { status: 401, code: 'unauthorized' };

    const error = await syncOnce(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401 });
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'lastSyncError')).toBe('unauthorized');
  });
});

describe('a session deleted on the device', () => {
  it('takes its attendance along, and brings it back when the refused delete is discarded', async () => {
    const db = freshDb();
    const session = newSession({ attendanceMode: 'roster' });
    const person = newParticipant();
    const row = uuidv7();
    await putSession(db, session);
    await putParticipant(db, person);
    await putAttendance(db, { id: row, sessionId: session.id, participantId: person.id });
    await syncOnce(db);

    await deleteSession(db, session.id);
    expect([await db.sessions.count(), await db.attendance.count()]).toEqual([0, 0]);
    server.refuse = (m) => (m.name === 'session.delete' ? { code: 'session_locked', message: 'approved' } : undefined);
    await syncOnce(db);
    const [refused] = await db.outbox.where('status').equals('rejected').toArray();
    await discardRejected(db, refused!.id);
    await syncOnce(db);

    expect(await db.sessions.get(session.id)).toMatchObject({ id: session.id });
    expect(await db.attendance.get(row)).toMatchObject({ sessionId: session.id, participantId: person.id });
  });
});

describe('when the server lost our position (409 out_of_order)', () => {
  /** Two edits pushed and acknowledged but not yet pulled, then the server restored from a backup. */
  async function acknowledgedThenLost() {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    await putParticipant(db, newParticipant());
    server.failPulls = true;
    await expect(syncOnce(db)).rejects.toMatchObject({ code: 'unavailable' });
    server.failPulls = false;
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['applied', 'applied']);
    server.loseMutationsAfter(0);
    await putSession(db, { id: session.id, notes: 'Ba' });
    return { db, session };
  }

  it('resends from the position the 409 reports', async () => {
    const { db, session } = await acknowledgedThenLost();
    server.outOfOrderSaysPosition = true;

    await syncOnce(db);
    expect(pushes().map((r) => (r.body as { mutations: { id: number }[] }).mutations.map((m) => m.id))).toEqual([
      [1, 2],
      [3],
      [1, 2, 3],
    ]);
    expect(server.client(await getMeta(db, 'clientId')).lastMutationId).toBe(3);
    expect(server.row('session', session.id)).toMatchObject({ notes: 'Ba' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('learns the position from a pull when the 409 does not say it', async () => {
    const { db } = await acknowledgedThenLost();

    await syncOnce(db);
    expect(server.client(await getMeta(db, 'clientId')).lastMutationId).toBe(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it("starts over as a new client when a discarded change left a gap after the server's position", async () => {
    const db = freshDb();
    const first = newSession();
    const person = newParticipant();
    await putSession(db, first);
    await putSession(db, newSession({ title: 'Bị từ chối' }));
    await putParticipant(db, person);
    server.refuse = (m) =>
      (m.args as { title?: string }).title === 'Bị từ chối' ? { code: 'forbidden', message: 'no' } : undefined;
    server.failPulls = true;
    await expect(syncOnce(db)).rejects.toMatchObject({ code: 'unavailable' });
    server.failPulls = false;
    server.refuse = () => undefined;
    await discardRejected(db, 2);
    expect((await db.outbox.toArray()).map((e) => [e.id, e.status])).toEqual([
      [1, 'applied'],
      [3, 'applied'],
    ]);
    const oldClient = await getMeta(db, 'clientId');
    server.loseMutationsAfter(0);
    server.outOfOrderSaysPosition = true;
    await putSession(db, { id: first.id, notes: 'Bốn' });

    await syncOnce(db);
    const newClient = await getMeta(db, 'clientId');
    expect(newClient).not.toBe(oldClient);
    // The server forgot what it acknowledged: the device's own records (a session, a person) go again first.
    expect(server.client(newClient).lastMutationId).toBe(5);
    expect(server.row('session', first.id)).toMatchObject({ notes: 'Bốn' });
    expect(server.row('participant', person.id)).toMatchObject({ fullName: 'Nguyễn Thị Hoà' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('starts over as a new client when it no longer holds what the server lost', async () => {
    const db = freshDb();
    const first = newSession();
    await putSession(db, first);
    await putParticipant(db, newParticipant());
    await putSession(db, { id: first.id, title: 'Hai' });
    await syncOnce(db);
    const oldClient = await getMeta(db, 'clientId');
    server.loseMutationsAfter(1);
    await putSession(db, { id: first.id, notes: 'Bốn' });

    await syncOnce(db);
    const newClient = await getMeta(db, 'clientId');
    expect(newClient).not.toBe(oldClient);
    // Its own session and person are queued again ahead of the unsent edit.
    expect(server.client(newClient).lastMutationId).toBe(3);
    expect(server.row('session', first.id)).toMatchObject({ title: 'Hai', notes: 'Bốn' });
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'nextMutationId')).toBe(4);
  });
});

describe('a server restored from an older backup', () => {
  it('gets back work the device synced and no longer holds in its outbox', async () => {
    const db = freshDb();
    const session = newSession({ title: 'Tập huấn', attendanceMode: 'roster' });
    const person = newParticipant();
    const row = uuidv7();
    await putSession(db, session);
    await putParticipant(db, person);
    await putAttendance(db, { id: row, sessionId: session.id, participantId: person.id });
    await syncOnce(db);
    expect(await db.outbox.count()).toBe(0);
    server.restoreToEmpty();

    await syncOnce(db);
    await syncOnce(db);
    expect(server.row('session', session.id)).toMatchObject({ title: 'Tập huấn' });
    expect(server.row('participant', person.id)).toMatchObject({ fullName: person.fullName });
    expect(server.row('attendance', row)).toMatchObject({ sessionId: session.id, participantId: person.id });
    expect(await db.attendance.get(row)).toMatchObject({ sessionId: session.id });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('photo images', () => {
  it('upload once their metadata is applied, and only once', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    const id = uuidv7();
    await putPhoto(
      db,
      { id, sessionId: session.id, mime: 'image/png', bytes: 6, sha256, width: 1, height: 1 },
      bytes.slice().buffer,
    );

    const summary = await syncOnce(db);
    expect(summary.photosUploaded).toBe(1);
    expect(server.photos.get(id)).toEqual(bytes);
    expect(await db.photoBlobs.get(id)).toMatchObject({ uploaded: true });
    const upload = server.requests.find((r) => r.method === 'PUT');
    expect(upload?.headers['Content-Type']).toBe('image/png');

    expect((await syncOnce(db)).photosUploaded).toBe(0);
  });

  it("tries an image refused as forbidden again at the next sync (the cookie may have been someone else's)", async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const bytes = new Uint8Array([1, 2, 3]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    const id = uuidv7();
    await putPhoto(
      db,
      { id, sessionId: session.id, mime: 'image/png', bytes: 3, sha256, width: 1, height: 1 },
      bytes.slice().buffer,
    );
    server.refusePhotos = { status: 403, code: 'forbidden' };

    expect((await syncOnce(db)).photosUploaded).toBe(0);
    const blob = await db.photoBlobs.get(id);
    expect(blob).toMatchObject({ uploaded: false });
    expect(blob?.error).toBeUndefined();

    server.refusePhotos = null;
    expect((await syncOnce(db)).photosUploaded).toBe(1);
    expect(server.photos.get(id)).toEqual(bytes);
  });

  it('records a checksum refusal on the image instead of retrying it forever', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const id = uuidv7();
    await putPhoto(
      db,
      { id, sessionId: session.id, mime: 'image/jpeg', bytes: 2, sha256: 'c'.repeat(64), width: 1, height: 1 },
      new Uint8Array([1, 2]).buffer,
    );

    await syncOnce(db);
    expect(await db.photoBlobs.get(id)).toMatchObject({ uploaded: false, error: 'checksum_mismatch' });
  });
});
