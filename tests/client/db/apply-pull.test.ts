import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { WRITE_SLICE, applyPull, applyPushResults } from '#client/db/apply-pull.ts';
import { deleteSession, putParticipant, putPhoto, putSession, submitSession } from '#client/db/local-writes.ts';
import { getMeta } from '#client/db/meta.ts';
import { discardRejected, retryRejected } from '#client/db/rejected-entries.ts';
import { freshDb, newParticipant, newSession, pullPage, readyToSubmit, serverSession } from './fixtures';

const refused = (id: number, code = 'invalid') => ({ id, status: 'rejected' as const, error: { code, message: code } });

describe('applying a pull', () => {
  it('writes pulled rows with their version and deletes tombstones', async () => {
    const db = freshDb();
    const kept = uuidv7();
    const gone = uuidv7();
    await applyPull(db, pullPage([serverSession(kept, 1), serverSession(gone, 1)]));
    await applyPull(db, pullPage([{ entity: 'session', id: gone, version: 2, deleted: true, data: null }]));

    expect(await db.sessions.toArray()).toEqual([expect.objectContaining({ id: kept, version: 1, pending: false })]);
    expect(await getMeta(db, 'cursor')).toBe('c2');
  });

  it('writes a page of many slices whole, and nothing of it when one slice fails', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 5 * WRITE_SLICE + 7 }, () => uuidv7());
    await applyPull(db, pullPage(ids.map((id) => serverSession(id, 1))));
    expect(await db.sessions.count()).toBe(ids.length);

    // Versions 2, except one row in the third slice that IndexedDB refuses: a boolean is no valid key.
    const changes = ids.map((id) => serverSession(id, 2, { title: 'Sửa' }));
    changes[2 * WRITE_SLICE + 3]!.id = true as unknown as string;
    await expect(applyPull(db, pullPage(changes))).rejects.toThrow();

    expect((await db.sessions.toArray()).every((s) => s.version === 1 && s.title !== 'Sửa')).toBe(true);
    expect(await getMeta(db, 'cursor')).toBe('c1');
  });

  it('re-applies unsent local edits on top of the pulled rows', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 1)]));
    await putSession(db, { id, title: 'Sửa trên máy' });

    // Someone else changed the place meanwhile; our title edit is not on the server yet.
    await applyPull(db, pullPage([serverSession(id, 2, { placeName: 'Bản Na Ngoi' })], { lastMutationId: 0 }));

    expect(await db.sessions.get(id)).toMatchObject({
      title: 'Sửa trên máy',
      placeName: 'Bản Na Ngoi',
      version: 2,
      pending: true,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('drops the entries the server acknowledged, and the row shows the server state', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    await applyPushResults(db, { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    expect(await db.outbox.get(1)).toMatchObject({ status: 'applied' });

    await applyPull(db, pullPage([serverSession(session.id, 3, { title: '' })], { lastMutationId: 1 }));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sessions.get(session.id)).toMatchObject({ version: 3, pending: false });
    expect(await db.bases.count()).toBe(0);
  });

  it('keeps the outbox and unsent images through a reset, and clears the rest', async () => {
    const db = freshDb();
    const old = uuidv7();
    await applyPull(db, pullPage([serverSession(old, 1)]));
    const mine = newSession();
    await putSession(db, mine);
    const photoId = uuidv7();
    await putPhoto(
      db,
      {
        id: photoId,
        sessionId: mine.id,
        mime: 'image/png',
        bytes: 3,
        sha256: 'b'.repeat(64),
        width: 1,
        height: 1,
      },
      new Uint8Array([1, 2, 3]).buffer,
    );
    const clientId = await getMeta(db, 'clientId');

    const fresh = uuidv7();
    await applyPull(db, pullPage([serverSession(fresh, 40)], { reset: true, cursor: 'c40' }));

    expect((await db.sessions.toArray()).map((s) => s.id).sort()).toEqual([fresh, mine.id].sort());
    expect(await db.sessions.get(mine.id)).toMatchObject({ pending: true });
    expect(await db.photos.get(photoId)).toMatchObject({ pending: true });
    expect(await db.outbox.count()).toBe(2);
    expect(await db.photoBlobs.get(photoId)).toBeDefined();
    expect(await getMeta(db, 'clientId')).toBe(clientId);
  });

  it('keeps records with unsent changes through a reset that spans pages, rebuilding unknown ones only at its end', async () => {
    const db = freshDb();
    const edited = uuidv7();
    const goneOnServer = uuidv7();
    await applyPull(db, pullPage([serverSession(edited, 1), serverSession(goneOnServer, 1)]));
    await putSession(db, { id: edited, notes: 'Ghi trên máy' });
    await putSession(db, { id: goneOnServer, notes: 'Sửa dở' });
    const mine = newSession();
    await putSession(db, mine);

    await applyPull(db, pullPage([serverSession(uuidv7(), 50)], { reset: true, hasMore: true, cursor: 'c50' }));
    // The snapshot's next page may hold them: nothing the trainer changed disappears in between.
    expect(await db.sessions.get(edited)).toMatchObject({ notes: 'Ghi trên máy', pending: true });
    expect(await db.sessions.get(goneOnServer)).toMatchObject({ notes: 'Sửa dở', pending: true });
    expect(await db.sessions.get(mine.id)).toMatchObject({ pending: true });
    expect(await getMeta(db, 'resetInProgress')).toBe(true);

    await applyPull(db, pullPage([serverSession(edited, 51, { placeName: 'Bản Na Ngoi' })], { cursor: 'c51' }));
    expect(await db.sessions.get(edited)).toMatchObject({
      notes: 'Ghi trên máy',
      placeName: 'Bản Na Ngoi',
      version: 51,
      pending: true,
    });
    expect(await db.sessions.get(mine.id)).toMatchObject({ pending: true });
    // The server no longer has it: an edit alone cannot make it, and the server will say why.
    expect(await db.sessions.get(goneOnServer)).toBeUndefined();
    expect(await db.outbox.count()).toBe(3);
    expect(await getMeta(db, 'resetInProgress')).toBe(false);
  });
});

describe('refused changes', () => {
  it('of a session.delete make the next pull start over, which brings back the attendance it removed here', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 1)]));
    await deleteSession(db, id);
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, { lastMutationId: entry!.id, results: [refused(entry!.id, 'session_locked')] });

    expect(await getMeta(db, 'cursor')).toBeNull();
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ name: 'session.delete', status: 'rejected' }),
    ]);
  });

  it('stay on the device with their reason until discarded; a discarded create removes its row', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const other = newParticipant();
    await putParticipant(db, other);
    await applyPushResults(db, { lastMutationId: 2, results: [refused(1, 'forbidden'), { id: 2, status: 'applied' }] });
    await applyPull(db, pullPage([], { lastMutationId: 2 }));

    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ id: 1, status: 'rejected', error: { code: 'forbidden', message: 'forbidden' } }),
    ]);
    expect(await db.sessions.get(session.id)).toMatchObject({ rejected: true, pending: false });

    await discardRejected(db, 1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sessions.get(session.id)).toBeUndefined();
  });

  it('give way to the server values when discarded, keeping the other unsent changes', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 1)]));
    await putSession(db, { id, title: 'Tên bị từ chối' });
    await putParticipant(db, newParticipant());
    await putSession(db, { id, notes: 'Ghi chú vẫn giữ' });
    await applyPushResults(db, { lastMutationId: 1, results: [refused(1)] });

    await discardRejected(db, 1);
    expect(await db.sessions.get(id)).toMatchObject({
      title: 'Từ máy chủ',
      notes: 'Ghi chú vẫn giữ',
      pending: true,
      rejected: false,
    });
  });

  it('are superseded by a fix: the new entry carries the refused fields with the fixed values', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 1)]));
    await putSession(db, { id, title: 'Tên mới', placeName: 'Sai chỗ' });
    await applyPushResults(db, { lastMutationId: 1, results: [refused(1)] });

    const fix = await putSession(db, { id, placeName: 'Đúng chỗ' });
    expect(fix.args).toEqual({ id, title: 'Tên mới', placeName: 'Đúng chỗ' });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([2]);
    expect(await db.sessions.get(id)).toMatchObject({ title: 'Tên mới', placeName: 'Đúng chỗ', rejected: false });
  });

  it('can be retried: a refused submit goes again once the session is complete', async () => {
    const db = freshDb();
    const session = newSession({ ...readyToSubmit });
    await putSession(db, session);
    await submitSession(db, session.id);
    await applyPushResults(db, {
      lastMutationId: 2,
      results: [{ id: 1, status: 'applied' }, refused(2, 'incomplete')],
    });
    expect(await db.sessions.get(session.id)).toMatchObject({ status: 'submitted', rejected: true });

    const retry = await retryRejected(db, 2);
    expect(retry).toMatchObject({ id: 3, name: 'session.submit', status: 'pending' });
    expect((await db.outbox.toArray()).map((e) => [e.id, e.status])).toEqual([
      [1, 'applied'],
      [3, 'pending'],
    ]);
    expect(await db.sessions.get(session.id)).toMatchObject({ status: 'submitted', rejected: false, pending: true });
  });

  it('skip, when re-applied, what no longer fits: an edit of a session approved meanwhile', async () => {
    const db = freshDb();
    const id = uuidv7();
    await applyPull(db, pullPage([serverSession(id, 1, { status: 'submitted' })]));
    await putSession(db, { id, notes: 'Bổ sung' });
    await applyPull(db, pullPage([serverSession(id, 2, { status: 'approved' })]));

    expect(await db.sessions.get(id)).toMatchObject({ status: 'approved', pending: true });
    expect((await db.sessions.get(id))?.notes).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });
});
