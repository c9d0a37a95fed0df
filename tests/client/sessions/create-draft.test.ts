import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyPull } from '#client/db/apply-pull.ts';
import { putAttendance, putParticipant, putPhoto, putSession } from '#client/db/local-writes.ts';
import { createDraft } from '#client/features/sessions/create-draft.ts';
import { freshDb, localUnit, newParticipant, pullPage, serverSession, unitId } from '../db/fixtures';

const today = '2026-03-02';

describe('"New session"', () => {
  it('writes a draft of today at once, with its outbox entry', async () => {
    const db = freshDb();
    const id = await createDraft(db, unitId, today);
    expect(await db.sessions.get(id)).toMatchObject({ status: 'draft', startDate: today, endDate: today, title: '' });
    expect(await db.outbox.where('[entity+entityId]').equals(['session', id]).count()).toBe(1);
  });

  it('opens the same draft again when the last one was left untouched, so empty drafts do not pile up', async () => {
    const db = freshDb();
    const first = await createDraft(db, unitId, today);
    expect(await createDraft(db, unitId, today)).toBe(first);
    expect(await db.sessions.count()).toBe(1);
  });

  it('makes a new draft once the last one has anything in it', async () => {
    const db = freshDb();
    const titled = await createDraft(db, unitId, today);
    await putSession(db, { id: titled, title: 'Tập huấn bình đẳng giới' });
    const placed = await createDraft(db, unitId, today);
    expect(placed).not.toBe(titled);
    await putSession(db, { id: placed, placeName: 'Nhà văn hoá bản Mồ' });

    const withPerson = await createDraft(db, unitId, today);
    expect([titled, placed]).not.toContain(withPerson);
    const person = newParticipant();
    await putParticipant(db, person);
    await putAttendance(db, { id: uuidv7(), sessionId: withPerson, participantId: person.id });

    const withPhoto = await createDraft(db, unitId, today);
    expect([titled, placed, withPerson]).not.toContain(withPhoto);
    const image = new Uint8Array([255, 216, 255, 224]).buffer;
    await putPhoto(
      db,
      { id: uuidv7(), sessionId: withPhoto, mime: 'image/jpeg', bytes: 4, sha256: 'a'.repeat(64), width: 2, height: 2 },
      image,
    );

    const headcount = await createDraft(db, unitId, today);
    expect([titled, placed, withPerson, withPhoto]).not.toContain(headcount);
    await putSession(db, { id: headcount, attendanceMode: 'headcount' });

    expect(await createDraft(db, unitId, today)).not.toBe(headcount);
    expect(await db.sessions.count()).toBe(6);
  });

  it("does not reopen an untouched draft of another day: today's session gets today's date", async () => {
    const db = freshDb();
    const yesterday = await createDraft(db, unitId, '2026-03-01');
    const id = await createDraft(db, unitId, today);
    expect(id).not.toBe(yesterday);
    expect(await db.sessions.get(id)).toMatchObject({ startDate: today });
  });

  it("never reopens an untouched draft pulled from the trainer's other phone, which may be filled in there", async () => {
    const db = freshDb();
    const other = uuidv7();
    const empty = { title: '', placeName: '', topicIds: [], startDate: today, endDate: today };
    await applyPull(db, pullPage([serverSession(other, 1, empty)]));
    expect(await createDraft(db, unitId, today)).not.toBe(other);
  });

  it('makes a new draft when the last one was refused by the server or had its province changed', async () => {
    const db = freshDb();
    await db.units.put(localUnit());
    const refused = await createDraft(db, unitId, today);
    await db.sessions.update(refused, { rejected: true });
    const moved = await createDraft(db, unitId, today);
    expect(moved).not.toBe(refused);
    await putSession(db, { id: moved, provinceCode: '01' });
    expect(await createDraft(db, unitId, today)).not.toBe(moved);
  });
});
