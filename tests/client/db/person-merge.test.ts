// An organiser's merge of people on the device (person.merge, person.unmerge; README decisions 49–51): queued
// only when the device does not hold the people; applied to the people and rows it holds otherwise, then
// settled by the pull; refused for a trainer; a refused merge, once discarded, pulls from the start.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyPull, applyPushResults } from '#client/db/apply-pull.ts';
import { mergePeopleOnDevice, unmergePeopleOnDevice } from '#client/db/local-writes.ts';
import { getMeta } from '#client/db/meta.ts';
import { discardRejected } from '#client/db/rejected-entries.ts';
import type { Change } from '#domain/schemas/sync';
import { freshDb, newParticipant, organiserProfile, pullPage, serverSession } from './fixtures';

const at = '2026-03-02T08:00:00.000Z';
const person = (id: string, version: number, patch: Record<string, unknown> = {}): Change => ({
  entity: 'participant',
  id,
  version,
  deleted: false,
  data: {
    ...newParticipant({ id }),
    birthYear: null,
    ethnicity: null,
    phone: null,
    workplace: null,
    position: null,
    unionRole: null,
    createdAt: at,
    updatedAt: at,
    ...patch,
  },
});
const row = (
  id: string,
  sessionId: string,
  participantId: string,
  version: number,
  days: number[] | null = null,
): Change => ({
  entity: 'attendance',
  id,
  version,
  deleted: false,
  data: { id, sessionId, participantId, days, note: null, createdAt: at, updatedAt: at },
});

describe('merging people on the device', () => {
  it('only queues a merge of people it does not hold, and an undo', async () => {
    const db = freshDb(uuidv7(), organiserProfile);
    const [kept, merged, mergeId] = [uuidv7(), uuidv7(), uuidv7()];
    await mergePeopleOnDevice(db, { id: kept, mergeId, mergedIds: [merged] });
    await unmergePeopleOnDevice(db, { id: kept, mergeId });
    const entries = await db.outbox.orderBy('id').toArray();
    expect(entries.map((e) => [e.name, e.status, e.entity, e.entityId])).toEqual([
      ['person.merge', 'pending', 'participant', kept],
      ['person.unmerge', 'pending', 'participant', kept],
    ]);
    expect(await db.participants.count()).toBe(0);
  });

  it('applies a merge to the people and rows it holds, and the pull after the push settles it', async () => {
    const db = freshDb(uuidv7(), organiserProfile);
    const [kept, merged, s1, s2, r1, r2, r3] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await applyPull(
      db,
      pullPage([
        serverSession(s1, 1),
        serverSession(s2, 1),
        person(kept, 1),
        person(merged, 1, { ethnicity: '03', consent: { method: 'oral-witnessed', at: '2026-01-01' } }),
        row(r1, s1, kept, 1, [1]),
        row(r2, s1, merged, 1, [2]),
        row(r3, s2, merged, 1),
      ]),
    );

    await mergePeopleOnDevice(db, { id: kept, mergeId: uuidv7(), mergedIds: [merged] });
    expect(await db.participants.get(merged)).toBeUndefined();
    expect(await db.participants.get(kept)).toMatchObject({
      ethnicity: '03',
      consent: { method: 'oral-witnessed', at: '2026-01-01' },
      pending: true,
    });
    expect(await db.attendance.get(r1)).toMatchObject({ participantId: kept, days: [1, 2] });
    expect(await db.attendance.get(r2)).toBeUndefined();
    expect(await db.attendance.get(r3)).toMatchObject({ participantId: kept });

    await applyPushResults(db, { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    await applyPull(
      db,
      pullPage(
        [
          person(kept, 2, { ethnicity: '03', consent: { method: 'oral-witnessed', at: '2026-01-01' } }),
          { entity: 'participant', id: merged, version: 2, deleted: true, data: { id: merged, mergedInto: kept } },
          row(r1, s1, kept, 2, [1, 2]),
          { entity: 'attendance', id: r2, version: 2, deleted: true, data: null },
          row(r3, s2, kept, 2),
        ],
        { lastMutationId: 1 },
      ),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await db.participants.get(kept)).toMatchObject({ pending: false, version: 2 });
    expect((await db.attendance.toArray()).map((r) => [r.id, r.participantId]).sort()).toEqual(
      [
        [r1, kept],
        [r3, kept],
      ].sort(),
    );
  });

  it('refuses a trainer, and the person kept among the merged', async () => {
    const trainer = freshDb();
    const [a, b] = [uuidv7(), uuidv7()];
    await expect(mergePeopleOnDevice(trainer, { id: a, mergeId: uuidv7(), mergedIds: [b] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(unmergePeopleOnDevice(trainer, { id: a, mergeId: uuidv7() })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const organiser = freshDb(uuidv7(), organiserProfile);
    await expect(mergePeopleOnDevice(organiser, { id: a, mergeId: uuidv7(), mergedIds: [b, a] })).rejects.toMatchObject(
      {
        code: 'invalid',
        fields: { mergedIds: 'includes_kept' },
      },
    );
    expect((await trainer.outbox.count()) + (await organiser.outbox.count())).toBe(0);
  });

  it('pulls from the start when a refused merge is discarded, which brings back what it had applied', async () => {
    const db = freshDb(uuidv7(), organiserProfile);
    const [kept, merged] = [uuidv7(), uuidv7()];
    await applyPull(db, pullPage([person(kept, 1), person(merged, 1)]));
    await mergePeopleOnDevice(db, { id: kept, mergeId: uuidv7(), mergedIds: [merged] });
    expect(await db.participants.get(merged)).toBeUndefined();
    const error = {
      code: 'forbidden',
      message: 'A record is outside your organisation',
      fields: { [merged]: 'forbidden' },
    };
    await applyPushResults(db, { lastMutationId: 1, results: [{ id: 1, status: 'rejected', error }] });
    expect(await db.participants.get(kept)).toMatchObject({ rejected: true });

    await discardRejected(db, 1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.transaction('rw', db.meta, () => getMeta(db, 'cursor'))).toBeNull();
    expect(await db.participants.get(kept)).toMatchObject({ pending: false, rejected: false });

    // That pull starts a fresh snapshot, which holds the person the refused merge had removed here.
    await applyPull(db, pullPage([person(kept, 1), person(merged, 1)], { reset: true, lastMutationId: 1 }));
    expect(await db.participants.get(merged)).toMatchObject({ id: merged, pending: false });
    expect(await db.participants.get(kept)).toMatchObject({ id: kept, pending: false });
  });

  it('pulls from the start when a new merge of the kept person supersedes a refused one', async () => {
    const db = freshDb(uuidv7(), organiserProfile);
    const [kept, merged, other] = [uuidv7(), uuidv7(), uuidv7()];
    await applyPull(db, pullPage([person(kept, 1), person(merged, 1), person(other, 1)]));
    await mergePeopleOnDevice(db, { id: kept, mergeId: uuidv7(), mergedIds: [merged] });
    const error = { code: 'conflict', message: 'changed', fields: { [merged]: 'merged' } };
    await applyPushResults(db, { lastMutationId: 1, results: [{ id: 1, status: 'rejected', error }] });

    await mergePeopleOnDevice(db, { id: kept, mergeId: uuidv7(), mergedIds: [other] });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 2, name: 'person.merge', status: 'pending' }]);
    expect(await db.transaction('rw', db.meta, () => getMeta(db, 'cursor'))).toBeNull();
  });
});
