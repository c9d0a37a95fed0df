import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyPull } from '#client/db/apply-pull.ts';
import { closeUserDb, getUserDb, openUserDb } from '#client/db/database.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import { mutate, putAttendance, putParticipant, putPhoto, putSession, submitSession } from '#client/db/local-writes.ts';
import { getMeta } from '#client/db/meta.ts';
import {
  freshDb,
  newParticipant,
  newSession,
  pullPage,
  readyToSubmit,
  serverSession,
  trainerProfile,
} from './fixtures';

afterEach(() => closeUserDb());

describe('a local write', () => {
  it('puts the session and its outbox entry in the same transaction', async () => {
    const db = freshDb();
    const args = newSession({ title: '  Họp nhóm  ' });
    const entry = await putSession(db, args);

    const row = await db.sessions.get(args.id);
    expect(row).toMatchObject({
      title: 'Họp nhóm',
      status: 'draft',
      trainerId: db.userId,
      pending: true,
      rejected: false,
    });
    expect(await db.outbox.toArray()).toEqual([entry]);
    expect(entry).toMatchObject({
      id: 1,
      name: 'session.put',
      status: 'pending',
      entity: 'session',
      entityId: args.id,
    });
    expect(Date.parse(entry.clientAt)).not.toBeNaN();
  });

  it('leaves neither the row nor an outbox entry when any part of it fails', async () => {
    const db = freshDb();
    const args = newSession();
    const failing = mutate(db, 'session.put', args, {
      alsoTables: ['photoBlobs'],
      alsoWrite: async () => {
        throw new Error('disk full');
      },
    });

    await expect(failing).rejects.toThrow('disk full');
    expect(await db.sessions.get(args.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'nextMutationId')).toBe(1);
  });

  it('refuses invalid args with the fields at fault and queues nothing', async () => {
    const db = freshDb();
    const args = newSession({ startDate: '2026-03-05', endDate: '2026-03-01' });

    const error = await putSession(db, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect(error).toMatchObject({ code: 'invalid', fields: { endDate: 'end_before_start' } });
    await expect(putSession(db, { ...newSession(), format: 'party' as never })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('numbers mutations contiguously from 1, across reopening the database', async () => {
    const userId = uuidv7();
    const db = openUserDb(userId, trainerProfile);
    const session = newSession();
    await putSession(db, session);
    await putParticipant(db, newParticipant());
    closeUserDb();
    expect(() => getUserDb()).toThrow();

    const reopened = openUserDb(userId, trainerProfile);
    await putSession(reopened, { id: session.id, title: 'Buổi 1' });
    expect((await reopened.outbox.toArray()).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(await getMeta(reopened, 'nextMutationId')).toBe(4);
  });

  it('folds consecutive unsent edits of one record into one mutation', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    await putSession(db, { id: session.id, title: 'Bình' });
    const last = await putSession(db, { id: session.id, title: 'Bình đẳng', notes: 'Ghi chú' });

    expect(await db.outbox.toArray()).toEqual([last]);
    expect(last).toMatchObject({ id: 1, args: { title: 'Bình đẳng', notes: 'Ghi chú', unitId: session.unitId } });

    await db.outbox.update(1, { status: 'sent' });
    const next = await putSession(db, { id: session.id, notes: 'Sau khi gửi' });
    expect(next.id).toBe(2);
    expect((await db.outbox.get(1))?.args).toMatchObject({ notes: 'Ghi chú' });
  });

  it('keeps the time a session was made offline when later edits fold into its put', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const db = freshDb();
      const session = newSession();
      vi.setSystemTime(new Date('2026-12-01T01:00:00Z')); // 08:00 in Vietnam
      await putSession(db, session);
      vi.setSystemTime(new Date('2026-12-01T10:00:00Z')); // 17:00, still offline
      const last = await putSession(db, { id: session.id, title: 'Bình đẳng giới' });

      expect(await db.outbox.count()).toBe(1);
      expect(last).toMatchObject({ args: { title: 'Bình đẳng giới' }, clientAt: '2026-12-01T01:00:00.000Z' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps each user in a database of their own', async () => {
    const first = openUserDb(uuidv7(), trainerProfile);
    await putSession(first, newSession());
    const firstClient = await getMeta(first, 'clientId');

    const second = openUserDb(uuidv7(), trainerProfile);
    expect(second.name).not.toBe(first.name);
    expect(await second.sessions.count()).toBe(0);
    expect(await getMeta(second, 'clientId')).not.toBe(firstClient);
  });

  it('still lands after the browser closed the connection (iOS under memory pressure)', async () => {
    const db = freshDb();
    await putSession(db, newSession());
    // What the browser does: the connection's close event, then Dexie's own handling.
    (db.backendDB() as IDBDatabase & { onclose: () => void }).onclose();
    expect(db.isOpen()).toBe(false);

    await putSession(db, newSession());
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('what a write sends', () => {
  it('sends every field of a record the server does not have yet, so one mutation can create it', async () => {
    const db = freshDb();
    const args = newSession();
    await putSession(db, args);
    await db.outbox.update(1, { status: 'sent' });
    const edit = await putSession(db, { id: args.id, title: 'Tập huấn bình đẳng giới' });

    expect(edit.args).toMatchObject({
      id: args.id,
      title: 'Tập huấn bình đẳng giới',
      unitId: args.unitId,
      startDate: '2026-03-02',
      endDate: '2026-03-02',
      topicIds: [],
      placeName: '',
      adminSet: '2026-07-25',
      attendanceMode: 'roster',
    });
  });

  it('sends only the changed fields once the server has the record', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 4)]));
    const edit = await putSession(db, { id, title: 'Sửa tên' });
    expect(edit.args).toEqual({ id, title: 'Sửa tên' });
  });
});

describe('local rules', () => {
  it('refuses to change an approved session', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 7, { status: 'approved' })]));
    await expect(putSession(db, { id, title: 'Đổi tên' })).rejects.toMatchObject({ code: 'session_locked' });
    expect((await db.sessions.get(id))?.title).toBe('Từ máy chủ');
  });

  it('keeps one attendance row per session and participant', async () => {
    const db = freshDb();
    const session = newSession();
    const person = newParticipant();
    await putSession(db, session);
    await putParticipant(db, person);
    await putAttendance(db, { id: uuidv7(), sessionId: session.id, participantId: person.id });

    const twice = putAttendance(db, { id: uuidv7(), sessionId: session.id, participantId: person.id });
    await expect(twice).rejects.toMatchObject({ code: 'duplicate_attendance' });
    expect(await db.attendance.where('sessionId').equals(session.id).count()).toBe(1);
  });

  it('refuses to submit a session that is missing what a report needs', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    await expect(submitSession(db, session.id)).rejects.toMatchObject({
      code: 'incomplete',
      fields: { title: 'missing', topics: 'missing', place: 'missing', attendance: 'missing' },
    });

    await putSession(db, { id: session.id, ...readyToSubmit });
    await submitSession(db, session.id);
    expect(await db.sessions.get(session.id)).toMatchObject({ status: 'submitted' });
    await expect(submitSession(db, session.id)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('stores a photo and its image bytes together', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const id = uuidv7();
    const image = new Uint8Array([255, 216, 255, 224]).buffer;
    await putPhoto(
      db,
      {
        id,
        sessionId: session.id,
        mime: 'image/jpeg',
        bytes: 4,
        sha256: 'a'.repeat(64),
        width: 2,
        height: 2,
      },
      image,
    );

    expect(await db.photos.get(id)).toMatchObject({ mime: 'image/jpeg', pending: true });
    const blob = await db.photoBlobs.get(id);
    expect(blob).toMatchObject({ mime: 'image/jpeg', uploaded: false });
    expect(new Uint8Array(blob!.bytes)).toEqual(new Uint8Array([255, 216, 255, 224]));
  });
});
