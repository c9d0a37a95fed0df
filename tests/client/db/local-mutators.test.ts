import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyPull, applyPushResults } from '#client/db/apply-pull.ts';
import {
  deleteAttendance,
  deleteParticipant,
  deletePhoto,
  deleteSession,
  putAttendance,
  putParticipant,
  putPhoto,
  putSession,
  reviewSession,
  submitSession,
} from '#client/db/local-writes.ts';
import { searchParticipants } from '#client/db/participant-search.ts';
import { LogbookDb } from '#client/db/database.ts';
import {
  freshDb,
  newParticipant,
  newSession,
  organiserProfile,
  pullPage,
  readyToSubmit,
  serverSession,
  unitId,
} from './fixtures';

const photoMeta = (sessionId: string) => ({
  id: uuidv7(),
  sessionId,
  mime: 'image/jpeg' as const,
  bytes: 1000,
  sha256: 'd'.repeat(64),
  width: 640,
  height: 480,
});

describe('local mutators', () => {
  it('merge a participant patch over the row and keep the search key current', async () => {
    const db = freshDb();
    const person = newParticipant({ phone: '0912 345 678' });
    await putParticipant(db, person);
    await putParticipant(db, { id: person.id, fullName: 'Lò Thị Mai', ethnicity: '03' });

    expect(await db.participants.get(person.id)).toMatchObject({
      fullName: 'Lò Thị Mai',
      ethnicity: '03',
      gender: 'female',
      phone: '0912 345 678',
      searchKey: 'lo thi mai 0912345678',
    });
  });

  it('find participants without diacritics, by name or phone', async () => {
    const db = freshDb();
    await putParticipant(db, newParticipant({ fullName: 'Nguyễn Thị Hoà', phone: '0912 345 678' }));
    await putParticipant(db, newParticipant({ fullName: 'Vừ A Dình', ethnicity: '08' }));
    // Another unit's person reaches a device only by pull (an organiser's); a trainer cannot register one.
    const elsewhere = newParticipant({ fullName: 'Nguyễn Văn Nam', unitId: uuidv7() });
    await expect(putParticipant(db, elsewhere)).rejects.toMatchObject({
      code: 'forbidden',
      fields: { unitId: 'forbidden' },
    });
    await applyPull(
      db,
      pullPage([{ entity: 'participant', id: elsewhere.id, version: 1, deleted: false, data: elsewhere }]),
    );

    expect((await searchParticipants(db, unitId, 'nguyen thi hoa')).map((p) => p.fullName)).toEqual(['Nguyễn Thị Hoà']);
    expect((await searchParticipants(db, unitId, '345678')).map((p) => p.fullName)).toEqual(['Nguyễn Thị Hoà']);
    expect((await searchParticipants(db, unitId, 'NGUYEN')).map((p) => p.fullName)).toEqual(['Nguyễn Thị Hoà']);
    expect(await searchParticipants(db, unitId, '')).toHaveLength(2);
  });

  it('remove deleted records from the local tables', async () => {
    const db = freshDb();
    const session = newSession();
    const person = newParticipant();
    const attendanceId = uuidv7();
    await putSession(db, session);
    await putParticipant(db, person);
    await putAttendance(db, { id: attendanceId, sessionId: session.id, participantId: person.id, days: [1] });
    const photo = photoMeta(session.id);
    await putPhoto(db, photo);

    await deleteAttendance(db, attendanceId);
    await deletePhoto(db, photo.id);
    await deleteParticipant(db, person.id);
    await deleteSession(db, session.id);
    expect([
      await db.attendance.count(),
      await db.photos.count(),
      await db.participants.count(),
      await db.sessions.count(),
    ]).toEqual([0, 0, 0, 0]);
    await expect(deleteSession(db, session.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('let a photo caption change but not the image it describes', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const photo = photoMeta(session.id);
    await putPhoto(db, photo);

    await putPhoto(db, { id: photo.id, caption: 'Học viên thảo luận nhóm' });
    expect(await db.photos.get(photo.id)).toMatchObject({ caption: 'Học viên thảo luận nhóm', width: 640 });
    await expect(putPhoto(db, { id: photo.id, sha256: 'e'.repeat(64) })).rejects.toMatchObject({
      code: 'invalid',
      fields: { sha256: 'immutable' },
    });
  });

  it('lock the attendance and photos of an approved session', async () => {
    const db = freshDb();
    const sessionId = uuidv7();
    await applyPull(db, pullPage([serverSession(sessionId, 3, { status: 'approved' })]));
    const person = newParticipant();
    await putParticipant(db, person);

    await expect(putAttendance(db, { id: uuidv7(), sessionId, participantId: person.id })).rejects.toMatchObject({
      code: 'session_locked',
    });
    await expect(putPhoto(db, photoMeta(sessionId))).rejects.toMatchObject({ code: 'session_locked' });
    await expect(deleteSession(db, sessionId)).rejects.toMatchObject({ code: 'session_locked' });
  });

  it("move a submitted session to approved or returned on review, on an organiser's device only", async () => {
    const trainer = freshDb();
    const session = newSession(readyToSubmit);
    await putSession(trainer, session);
    await submitSession(trainer, session.id);
    await expect(reviewSession(trainer, { id: session.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    });

    const organiser = new LogbookDb(uuidv7(), organiserProfile);
    const pulled = (version: number, status: string) =>
      serverSession(session.id, version, { trainerId: trainer.userId, status });
    await applyPull(organiser, pullPage([pulled(1, 'draft')]));
    await expect(reviewSession(organiser, { id: session.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await applyPull(organiser, pullPage([pulled(2, 'submitted')]));
    await expect(reviewSession(organiser, { id: session.id, decision: 'return' })).rejects.toMatchObject({
      code: 'invalid',
      fields: { comment: 'comment_required' },
    });

    await reviewSession(organiser, { id: session.id, decision: 'return', comment: 'Thiếu ảnh' });
    expect(await organiser.sessions.get(session.id)).toMatchObject({
      status: 'returned',
      reviewComment: 'Thiếu ảnh',
      reviewedBy: organiser.userId,
    });
    await applyPushResults(organiser, { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    await applyPull(organiser, pullPage([pulled(3, 'submitted')], { lastMutationId: 1 }));
    await reviewSession(organiser, { id: session.id, decision: 'approve' });
    expect(await organiser.sessions.get(session.id)).toMatchObject({ status: 'approved', reviewComment: null });
  });
});
