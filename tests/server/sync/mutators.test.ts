// Field ownership and the review state machine, enforced by the server's mutators (docs/data-model.md, docs/sync.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditLog, sessions } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import {
  addUser,
  completeSession,
  participantArgs,
  signIn,
  spaceVersion,
  topicIdsOf,
  type Actor,
} from './sync-fixtures';

describe.each(databaseTargets)('mutators on %s', (kind) => {
  let t: TestApp;
  let trainer: Actor;
  let colleague: Actor;
  let organiser: Actor;
  let otherOrganiser: Actor;
  let admin: Actor;
  let topicId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    await addUser(t, 'trainer.na2', 'trainer', 'CĐCS THPT Con Cuông');
    trainer = await signIn(t, 'trainer.na');
    colleague = await signIn(t, 'trainer.na2');
    organiser = await signIn(t, 'organiser.na');
    otherOrganiser = await signIn(t, 'organiser.lc');
    admin = await signIn(t, 'admin');
    [topicId] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
  });
  afterAll(async () => {
    await t.close();
  });

  const session = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
  const newSubmitted = async () => {
    const id = uuidv7();
    await trainer.push(['session.put', completeSession(id, topicId)], ['session.submit', { id }]);
    return id;
  };

  it("forces a new session into the trainer's unit with the trainer as its owner, and refuses another unit", async () => {
    const id = uuidv7();
    expect(await trainer.one('session.put', completeSession(id, topicId))).toEqual({
      id: trainer.nextId - 1,
      status: 'applied',
    });
    expect(await session(id)).toMatchObject({
      unitId: trainer.user.unitId,
      trainerId: trainer.user.id,
      status: 'draft',
    });
    const elsewhere = await trainer.one(
      'session.put',
      completeSession(uuidv7(), topicId, { unitId: organiser.user.unitId }),
    );
    expect(elsewhere).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden', fields: { unitId: 'forbidden' } },
    });
  });

  it('merges a partial patch: absent fields stay, null clears an optional one', async () => {
    const id = uuidv7();
    await trainer.push(['session.put', completeSession(id, topicId, { notes: 'Mang máy chiếu' })]);
    await trainer.push(['session.put', { id, title: 'Phòng chống bạo lực gia đình', notes: null }]);
    expect(await session(id)).toMatchObject({
      title: 'Phòng chống bạo lực gia đình',
      placeName: 'Hội trường xã Môn Sơn',
      notes: null,
      headcountTotal: 30,
    });
  });

  it('refuses a patch that makes the merged session invalid, naming the field', async () => {
    const id = uuidv7();
    await trainer.push(['session.put', completeSession(id, topicId)]);
    const result = await trainer.one('session.put', { id, headcount: { total: 5, women: 9, ethnicMinority: 0 } });
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid', fields: { 'headcount.women': 'women_over_total' } },
    });
  });

  it("does not let a trainer write another trainer's session", async () => {
    const id = uuidv7();
    await trainer.push(['session.put', completeSession(id, topicId)]);
    for (const [name, args] of [
      ['session.put', { id, title: 'x' }],
      ['session.submit', { id }],
      ['session.delete', { id }],
    ] as const) {
      expect(await colleague.one(name, args)).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    expect(await session(id)).toMatchObject({
      title: completeSession(id, topicId).title,
      deleted: false,
      status: 'draft',
    });
  });

  it("refuses every review field in a trainer's put as invalid, naming each", async () => {
    const id = uuidv7();
    await trainer.push(['session.put', completeSession(id, topicId)]);
    const result = await trainer.one('session.put', {
      id,
      status: 'approved',
      reviewedBy: trainer.user.id,
      trainerId: colleague.user.id,
    });
    expect(result).toMatchObject({
      status: 'rejected',
      error: {
        code: 'invalid',
        fields: { status: 'unrecognized', reviewedBy: 'unrecognized', trainerId: 'unrecognized' },
      },
    });
    expect((await session(id)).status).toBe('draft');
    expect(await trainer.one('session.review', { id, decision: 'approve' })).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('does not let an organiser (or an admin) edit trainer content', async () => {
    const id = await newSubmitted();
    for (const actor of [organiser, admin]) {
      expect(await actor.one('session.put', { id, title: 'Sửa' })).toMatchObject({ error: { code: 'forbidden' } });
      expect(await actor.one('participant.put', participantArgs(uuidv7()))).toMatchObject({
        error: { code: 'forbidden' },
      });
    }
    expect((await session(id)).title).toBe(completeSession(id, topicId).title);
  });

  it('refuses submitting an incomplete session with code incomplete and the missing items', async () => {
    const id = uuidv7();
    await trainer.push([
      'session.put',
      completeSession(id, topicId, { title: '', topicIds: [], attendanceMode: 'roster', headcount: null }),
    ]);
    const result = await trainer.one('session.submit', { id });
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'incomplete', fields: { title: 'missing', topics: 'missing', attendance: 'missing' } },
    });
    expect(await trainer.one('session.submit', { id: uuidv7() })).toMatchObject({ error: { code: 'not_found' } });
  });

  it('lets only an organiser of an ancestor unit review, and only a submitted session', async () => {
    const draft = uuidv7();
    await trainer.push(['session.put', completeSession(draft, topicId)]);
    expect(await organiser.one('session.review', { id: draft, decision: 'approve' })).toMatchObject({
      error: { code: 'invalid_transition' },
    });
    const id = await newSubmitted();
    expect(await otherOrganiser.one('session.review', { id, decision: 'approve' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect((await session(id)).status).toBe('submitted');
    expect(await organiser.one('session.review', { id: uuidv7(), decision: 'approve' })).toMatchObject({
      error: { code: 'not_found' },
    });
    expect(await admin.one('session.review', { id, decision: 'approve' })).toEqual({
      id: admin.nextId - 1,
      status: 'applied',
    });
  });

  it("returns with a comment, shows it in the trainer's pull, accepts a resubmission, and approval locks", async () => {
    const id = await newSubmitted();
    expect(await organiser.one('session.review', { id, decision: 'return' })).toMatchObject({
      error: { code: 'invalid', fields: { comment: 'comment_required' } },
    });
    const result = await organiser.one('session.review', { id, decision: 'return', comment: 'Thiếu danh sách ký tên' });
    expect(result.status).toBe('applied');

    const { changes } = await trainer.pullAll();
    const pulled = changes.filter((c) => c.entity === 'session' && c.id === id).at(-1);
    expect(pulled?.data).toMatchObject({
      status: 'returned',
      reviewComment: 'Thiếu danh sách ký tên',
      reviewedBy: organiser.user.id,
      reviewedAt: t.clock.now().toISOString(),
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.review'), eq(auditLog.entityId, id)));
    expect(audit).toMatchObject({ userId: organiser.user.id, detail: { decision: 'return' } });

    expect(await trainer.one('session.put', { id, placeName: 'Nhà văn hoá bản Khe Choăng' })).toMatchObject({
      status: 'applied',
    });
    expect(await trainer.one('session.submit', { id })).toMatchObject({ status: 'applied' });
    expect(await organiser.one('session.review', { id, decision: 'approve' })).toMatchObject({ status: 'applied' });
    expect(await session(id)).toMatchObject({ status: 'approved', reviewedBy: organiser.user.id });

    expect(await trainer.one('session.put', { id, title: 'Đổi' })).toMatchObject({ error: { code: 'session_locked' } });
    expect(await trainer.one('session.delete', { id })).toMatchObject({ error: { code: 'session_locked' } });
    expect(await trainer.one('session.submit', { id })).toMatchObject({ error: { code: 'invalid_transition' } });
    expect(await organiser.one('session.review', { id, decision: 'return', comment: 'x' })).toMatchObject({
      error: { code: 'invalid_transition' },
    });
    expect(
      await trainer.one('photo.put', {
        id: uuidv7(),
        sessionId: id,
        mime: 'image/jpeg',
        bytes: 10,
        sha256: 'a'.repeat(64),
        width: 1,
        height: 1,
      }),
    ).toMatchObject({ error: { code: 'session_locked' } });
  });

  it("keeps one attendance row per (session, participant) and people of the session's unit only", async () => {
    const id = uuidv7();
    const person = uuidv7();
    await trainer.push(
      ['session.put', completeSession(id, topicId, { attendanceMode: 'roster', headcount: null })],
      ['participant.put', participantArgs(person)],
    );
    const first = uuidv7();
    expect(await trainer.one('attendance.put', { id: first, sessionId: id, participantId: person })).toMatchObject({
      status: 'applied',
    });
    expect(await trainer.one('attendance.put', { id: uuidv7(), sessionId: id, participantId: person })).toMatchObject({
      error: { code: 'duplicate_attendance' },
    });
    expect(
      await trainer.one('attendance.put', { id: first, sessionId: id, participantId: person, note: 'đến muộn' }),
    ).toMatchObject({ status: 'applied' });
    expect(await trainer.one('attendance.put', { id: uuidv7(), sessionId: id, participantId: uuidv7() })).toMatchObject(
      { error: { code: 'not_found', fields: { participantId: 'not_found' } } },
    );
    expect(await colleague.one('attendance.put', { id: uuidv7(), sessionId: id, participantId: person })).toMatchObject(
      { error: { code: 'forbidden' } },
    );

    const lc = await signIn(t, 'trainer.lc');
    const stranger = uuidv7();
    await lc.push(['participant.put', participantArgs(stranger)]);
    expect(await trainer.one('attendance.put', { id: uuidv7(), sessionId: id, participantId: stranger })).toMatchObject(
      { error: { code: 'forbidden' } },
    );
    expect(await trainer.one('participant.put', { id: stranger, fullName: 'x' })).toMatchObject({
      error: { code: 'forbidden' },
    });

    expect(await trainer.one('attendance.delete', { id: first })).toMatchObject({ status: 'applied' });
    expect(await trainer.one('attendance.put', { id: uuidv7(), sessionId: id, participantId: person })).toMatchObject({
      status: 'applied',
    });
    expect(await trainer.one('session.submit', { id })).toMatchObject({ status: 'applied' });
  });

  it("takes a space's version again after the mutation that took it was rolled back (an admin across spaces)", async () => {
    const lc = await signIn(t, 'trainer.lc');
    const [lcTopic] = (await topicIdsOf(t, lc.user.spaceId)) as [string];
    const id = uuidv7();
    await lc.push(['session.put', completeSession(id, lcTopic, { provinceCode: '15' })], ['session.submit', { id }]);
    const { cursor } = await lc.pullAll();
    // The NUL makes the database refuse the first review after it took Lào Cai's version.
    const { results } = await admin.push(
      ['session.review', { id, decision: 'return', comment: 'Thiếu\u0000ảnh' }],
      ['session.review', { id, decision: 'approve' }],
    );
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['invalid', 'applied']);
    const row = await session(id);
    expect(row.version).toBe(await spaceVersion(t, lc.user.spaceId));
    const { changes } = await lc.pullAll(cursor);
    expect(changes.find((c) => c.id === id)?.data).toMatchObject({ status: 'approved', reviewedBy: admin.user.id });
  });

  it("deletes as tombstones, and a session's attendance and photos go with it", async () => {
    const id = uuidv7();
    const person = uuidv7();
    const attendanceId = uuidv7();
    await trainer.push(
      ['session.put', completeSession(id, topicId)],
      ['participant.put', participantArgs(person)],
      ['attendance.put', { id: attendanceId, sessionId: id, participantId: person }],
    );
    expect(await trainer.one('session.delete', { id })).toMatchObject({ status: 'applied' });
    expect(await session(id)).toMatchObject({ deleted: true });
    const { changes } = await trainer.pullAll();
    expect(changes.find((c) => c.id === attendanceId && c.deleted)).toMatchObject({
      entity: 'attendance',
      data: { id: attendanceId },
    });
    expect(await trainer.one('session.put', { id, title: 'again' })).toMatchObject({ error: { code: 'not_found' } });
    expect(await trainer.one('session.delete', { id })).toMatchObject({ error: { code: 'not_found' } });
  });
});
