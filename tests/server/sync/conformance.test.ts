// The conformance table: each mutation, allowed, refused and at its edges, applied once on a device
// (Dexie on fake-indexeddb, holding what its user's pull brought) and once on the server (the real push),
// from the same state. Both must answer the same result code and leave the same records. The rules are one
// definition (src/domain/mutators); this table holds the two ways of running them to it.
// Cases where only the server can know (another unit's person, another trainer's session, which a device
// never holds) are in mutators.test.ts, not here; a merge of people refused by what only the server holds is in
// tests/server/people/merge-mutation.test.ts. What the device only queues (an undo of a merge: what the merge
// changed is kept on the server) is compared after the device's next pull, which is how the device follows it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { applyPull } from '#client/db/apply-pull.ts';
import { LogbookDb } from '#client/db/database.ts';
import { entityTable } from '#client/db/entities.ts';
import { mutate } from '#client/db/local-writes.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import { attendanceRecord, participantRecord, photoRecord, sessionRecord } from '#domain/mutators/records';
import type { MutableEntity } from '#domain/mutators/transaction';
import type { MutationArgs, MutationName } from '#domain/schemas/sync';
import { recordOf, mutableTables } from '#server/sync/record-columns';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { Actor, completeSession, participantArgs, signIn, topicIdsOf } from './sync-fixtures';

type Step = [name: MutationName, args: Record<string, unknown>];
type Who = 'trainer' | 'organiser';

interface Case {
  title: string;
  /** Mutations pushed to the server first (by the trainer unless `as` says), then pulled by the device. */
  given: (ids: Ids) => (Step | [Who, ...Step])[];
  /** Who applies the mutation under test. */
  by?: Who;
  when: (ids: Ids) => Step;
  /** `applied`, or the error code both sides must refuse with. */
  expect: string;
  /** The device applies nothing of it but the queued mutation: compare the records after its next pull. */
  deviceQueuesOnly?: true;
}

/** Fresh ids for each case, and the demo space's first topic. */
interface Ids {
  session: string;
  /** A unit that is not the trainer's (the province's root). */
  otherUnit: string;
  person: string;
  person2: string;
  row: string;
  row2: string;
  photo: string;
  topic: string;
  /** A merge of people. */
  merge: string;
}

const photoMeta = (id: string, sessionId: string) => ({
  id,
  sessionId,
  mime: 'image/jpeg',
  bytes: 1000,
  sha256: 'd'.repeat(64),
  width: 640,
  height: 480,
  takenAt: '2026-11-20T15:00:00+07:00',
});
const roster = (ids: Ids, overrides: Record<string, unknown> = {}) =>
  completeSession(ids.session, ids.topic, { attendanceMode: 'roster', headcount: null, ...overrides });
const approved = (ids: Ids): (Step | [Who, ...Step])[] => [
  ['session.put', roster(ids)],
  ['participant.put', participantArgs(ids.person)],
  ['attendance.put', { id: ids.row, sessionId: ids.session, participantId: ids.person }],
  ['session.submit', { id: ids.session }],
  ['organiser', 'session.review', { id: ids.session, decision: 'approve' }],
];

const cases: Case[] = [
  {
    title: "session.put makes a draft in the trainer's unit",
    given: () => [],
    when: (i) => ['session.put', completeSession(i.session, i.topic)],
    expect: 'applied',
  },
  {
    title: 'session.put merges a patch; null clears an optional field',
    given: (i) => [['session.put', completeSession(i.session, i.topic, { notes: 'Mang máy chiếu' })]],
    when: (i) => ['session.put', { id: i.session, title: '  Phòng chống bạo lực gia đình ', notes: null }],
    expect: 'applied',
  },
  {
    title: 'session.put finds the session whatever the case of its id',
    given: (i) => [['session.put', completeSession(i.session, i.topic)]],
    when: (i) => ['session.put', { id: i.session.toUpperCase(), placeName: 'Bản Khe Rạn' }],
    expect: 'applied',
  },
  {
    title: 'session.put refuses another unit',
    given: () => [],
    when: (i) => ['session.put', completeSession(i.session, i.topic, { unitId: i.otherUnit })],
    expect: 'forbidden',
  },
  {
    title: 'session.put refuses an unknown topic',
    given: () => [],
    when: (i) => ['session.put', completeSession(i.session, i.otherUnit)],
    expect: 'invalid',
  },
  {
    title: 'session.put refuses a patch that makes the session invalid',
    given: (i) => [['session.put', completeSession(i.session, i.topic)]],
    when: (i) => ['session.put', { id: i.session, headcount: { total: 5, women: 9, ethnicMinority: 0 } }],
    expect: 'invalid',
  },
  {
    title: 'session.put refuses an unknown field',
    given: () => [],
    when: (i) => ['session.put', { ...completeSession(i.session, i.topic), status: 'approved' }],
    expect: 'invalid',
  },
  {
    title: 'session.put refuses an approved session',
    given: approved,
    when: (i) => ['session.put', { id: i.session, title: 'Sửa' }],
    expect: 'session_locked',
  },
  {
    title: "session.put is not an organiser's",
    by: 'organiser',
    given: () => [],
    when: (i) => ['session.put', completeSession(i.session, i.topic)],
    expect: 'forbidden',
  },
  {
    title: 'session.submit moves a complete draft to submitted',
    given: (i) => [['session.put', completeSession(i.session, i.topic)]],
    when: (i) => ['session.submit', { id: i.session }],
    expect: 'applied',
  },
  {
    title: 'session.submit refuses a roster without anyone on it',
    given: (i) => [['session.put', roster(i)]],
    when: (i) => ['session.submit', { id: i.session }],
    expect: 'incomplete',
  },
  {
    title: 'session.submit refuses a submitted session',
    given: (i) => [
      ['session.put', completeSession(i.session, i.topic)],
      ['session.submit', { id: i.session }],
    ],
    when: (i) => ['session.submit', { id: i.session }],
    expect: 'invalid_transition',
  },
  {
    title: 'session.submit refuses an unknown session',
    given: () => [],
    when: (i) => ['session.submit', { id: i.session }],
    expect: 'not_found',
  },
  {
    title: "session.delete takes the session's attendance and photos with it",
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person }],
      ['photo.put', photoMeta(i.photo, i.session)],
    ],
    when: (i) => ['session.delete', { id: i.session }],
    expect: 'applied',
  },
  {
    title: 'session.delete refuses an approved session',
    given: approved,
    when: (i) => ['session.delete', { id: i.session }],
    expect: 'session_locked',
  },
  {
    title: 'session.review approves a submitted session',
    by: 'organiser',
    given: (i) => [
      ['session.put', completeSession(i.session, i.topic)],
      ['session.submit', { id: i.session }],
    ],
    when: (i) => ['session.review', { id: i.session, decision: 'approve' }],
    expect: 'applied',
  },
  {
    title: 'session.review returns only with a comment',
    by: 'organiser',
    given: (i) => [
      ['session.put', completeSession(i.session, i.topic)],
      ['session.submit', { id: i.session }],
    ],
    when: (i) => ['session.review', { id: i.session, decision: 'return' }],
    expect: 'invalid',
  },
  {
    title: 'session.review refuses a draft',
    by: 'organiser',
    given: (i) => [['session.put', completeSession(i.session, i.topic)]],
    when: (i) => ['session.review', { id: i.session, decision: 'approve' }],
    expect: 'invalid_transition',
  },
  {
    title: "session.review is not a trainer's",
    given: (i) => [
      ['session.put', completeSession(i.session, i.topic)],
      ['session.submit', { id: i.session }],
    ],
    when: (i) => ['session.review', { id: i.session, decision: 'approve' }],
    expect: 'forbidden',
  },
  {
    title: "participant.put registers a person in the trainer's unit",
    given: () => [],
    when: (i) => ['participant.put', participantArgs(i.person, { phone: '0912 345 678' })],
    expect: 'applied',
  },
  {
    title: 'participant.put merges a patch',
    given: (i) => [['participant.put', participantArgs(i.person)]],
    when: (i) => ['participant.put', { id: i.person, fullName: 'Lò Thị Mai', birthYear: 1990 }],
    expect: 'applied',
  },
  {
    title: 'participant.put refuses another unit',
    given: () => [],
    when: (i) => ['participant.put', participantArgs(i.person, { unitId: i.otherUnit })],
    expect: 'forbidden',
  },
  {
    title: 'participant.put refuses a malformed phone',
    given: () => [],
    when: (i) => ['participant.put', participantArgs(i.person, { phone: 'gọi tôi' })],
    expect: 'invalid',
  },
  {
    title: 'participant.delete removes a person',
    given: (i) => [['participant.put', participantArgs(i.person)]],
    when: (i) => ['participant.delete', { id: i.person }],
    expect: 'applied',
  },
  {
    title: 'participant.delete refuses an unknown person',
    given: () => [],
    when: (i) => ['participant.delete', { id: i.person }],
    expect: 'not_found',
  },
  {
    title: 'attendance.put adds a person of the unit to a session',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
    ],
    when: (i) => ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person, days: [1] }],
    expect: 'applied',
  },
  {
    title: 'attendance.put refuses the same person twice on a session',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person }],
    ],
    when: (i) => ['attendance.put', { id: i.row2, sessionId: i.session, participantId: i.person }],
    expect: 'duplicate_attendance',
  },
  {
    title: 'attendance.put refuses to move a row to another person',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2)],
      ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person }],
    ],
    when: (i) => ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person2 }],
    expect: 'invalid',
  },
  {
    title: 'attendance.put refuses an unknown person',
    given: (i) => [['session.put', roster(i)]],
    when: (i) => ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person }],
    expect: 'not_found',
  },
  {
    title: 'attendance.put refuses an approved session',
    given: (i) => [...approved(i), ['participant.put', participantArgs(i.person2)]],
    when: (i) => ['attendance.put', { id: i.row2, sessionId: i.session, participantId: i.person2 }],
    expect: 'session_locked',
  },
  {
    title: 'attendance.delete removes a row',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person }],
    ],
    when: (i) => ['attendance.delete', { id: i.row }],
    expect: 'applied',
  },
  {
    title: 'attendance.delete refuses an approved session',
    given: approved,
    when: (i) => ['attendance.delete', { id: i.row }],
    expect: 'session_locked',
  },
  {
    title: "photo.put records a photo of the trainer's session",
    given: (i) => [['session.put', roster(i)]],
    when: (i) => ['photo.put', photoMeta(i.photo, i.session)],
    expect: 'applied',
  },
  {
    title: 'photo.put changes a caption',
    given: (i) => [
      ['session.put', roster(i)],
      ['photo.put', photoMeta(i.photo, i.session)],
    ],
    when: (i) => ['photo.put', { id: i.photo, caption: 'Học viên thảo luận nhóm' }],
    expect: 'applied',
  },
  {
    title: 'photo.put refuses to change the image it describes',
    given: (i) => [
      ['session.put', roster(i)],
      ['photo.put', photoMeta(i.photo, i.session)],
    ],
    when: (i) => ['photo.put', { id: i.photo, sha256: 'e'.repeat(64) }],
    expect: 'invalid',
  },
  {
    title: 'photo.delete removes a photo',
    given: (i) => [
      ['session.put', roster(i)],
      ['photo.put', photoMeta(i.photo, i.session)],
    ],
    when: (i) => ['photo.delete', { id: i.photo }],
    expect: 'applied',
  },
  {
    title: 'photo.delete refuses a photo of an approved session',
    given: (i) => [['session.put', roster(i)], ['photo.put', photoMeta(i.photo, i.session)], ...approved(i).slice(1)],
    when: (i) => ['photo.delete', { id: i.photo }],
    expect: 'session_locked',
  },
  {
    title: "person.merge joins the two records' rows of one session, the days joined",
    by: 'organiser',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2)],
      ['attendance.put', { id: i.row, sessionId: i.session, participantId: i.person, days: [1] }],
      ['attendance.put', { id: i.row2, sessionId: i.session, participantId: i.person2, days: null }],
    ],
    when: (i) => ['person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person2] }],
    expect: 'applied',
  },
  {
    title: "person.merge moves a merged record's row to the person kept",
    by: 'organiser',
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2, { consent: { method: 'oral-witnessed', at: '2026-01-02' } })],
      ['attendance.put', { id: i.row2, sessionId: i.session, participantId: i.person2 }],
    ],
    when: (i) => ['person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person2] }],
    expect: 'applied',
  },
  {
    title: 'person.merge refuses the person kept among the merged',
    by: 'organiser',
    given: (i) => [['participant.put', participantArgs(i.person)]],
    when: (i) => ['person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person] }],
    expect: 'invalid',
  },
  {
    title: "person.merge is not a trainer's",
    given: (i) => [
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2)],
    ],
    when: (i) => ['person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person2] }],
    expect: 'forbidden',
  },
  {
    title: 'person.unmerge restores the records as they were',
    by: 'organiser',
    deviceQueuesOnly: true,
    given: (i) => [
      ['session.put', roster(i)],
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2)],
      ['attendance.put', { id: i.row2, sessionId: i.session, participantId: i.person2 }],
      ['organiser', 'person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person2] }],
    ],
    when: (i) => ['person.unmerge', { id: i.person, mergeId: i.merge }],
    expect: 'applied',
  },
  {
    title: "person.unmerge is not a trainer's",
    given: (i) => [
      ['participant.put', participantArgs(i.person)],
      ['participant.put', participantArgs(i.person2)],
      ['organiser', 'person.merge', { id: i.person, mergeId: i.merge, mergedIds: [i.person2] }],
    ],
    when: (i) => ['person.unmerge', { id: i.person, mergeId: i.merge }],
    expect: 'forbidden',
  },
];

const canonical: { [E in MutableEntity]: (row: never) => unknown } = {
  session: sessionRecord,
  participant: participantRecord,
  attendance: attendanceRecord,
  photo: photoRecord,
};

/**
 * A record as both sides must hold it; the instants of submit and review are each side's own clock, and so
 * are the device times here (the step runs on a device and is pushed separately, with the fixtures' clientAt).
 */
function comparable(entity: MutableEntity, row: unknown): unknown {
  if (row === undefined) return undefined;
  const record = canonical[entity](row as never) as Record<string, unknown>;
  if (entity !== 'session') return record;
  const set = (key: string) => record[key] !== null;
  return {
    ...record,
    submittedAt: set('submittedAt'),
    reviewedAt: set('reviewedAt'),
    createdClientAt: set('createdClientAt'),
    submittedClientAt: set('submittedClientAt'),
  };
}

describe.each(databaseTargets)('the mutators on the device and on %s', (kind) => {
  let t: TestApp;
  let actors: Record<Who, Actor>;
  let topic: string;
  let otherUnit: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    actors = { trainer: await signIn(t, 'trainer.na'), organiser: await signIn(t, 'organiser.na') };
    [topic] = (await topicIdsOf(t, actors.trainer.user.spaceId)) as [string];
    otherUnit = actors.organiser.user.unitId;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A device of `who` holding exactly what their pull gives now. */
  async function deviceOf(who: Who): Promise<LogbookDb> {
    const { user } = actors[who];
    const db = new LogbookDb(user.id, user);
    const { pages } = await new Actor(t, actors[who].cookie, user).pullAll();
    for (const page of pages) await applyPull(db, page);
    return db;
  }

  /** The device's next pull, from where its last one ended. */
  async function pullAgain(db: LogbookDb, who: Who): Promise<void> {
    const cursor = (await db.meta.get('cursor'))?.value as string | null | undefined;
    const { pages } = await new Actor(t, actors[who].cookie, actors[who].user).pullAll(cursor ?? null);
    for (const page of pages) await applyPull(db, page);
  }

  async function onDevice(db: LogbookDb, [name, args]: Step): Promise<string> {
    try {
      await mutate(db, name, args as MutationArgs<typeof name>);
      return 'applied';
    } catch (error) {
      if (error instanceof MutationError) return error.code;
      throw error;
    }
  }

  async function serverRecord(entity: MutableEntity, id: string): Promise<unknown> {
    const table = mutableTables[entity] as typeof mutableTables.attendance;
    const [row] = await t.db
      .select()
      .from(table)
      .where(and(eq(table.id, id), eq(table.deleted, false)));
    return row && (recordOf[entity] as (r: typeof row) => unknown)(row);
  }

  it.each(cases)('$title', async ({ given, by = 'trainer', when, expect: expected, deviceQueuesOnly }) => {
    const ids: Ids = {
      session: uuidv7(),
      otherUnit,
      person: uuidv7(),
      person2: uuidv7(),
      row: uuidv7(),
      row2: uuidv7(),
      photo: uuidv7(),
      topic,
      merge: uuidv7(),
    };
    for (const step of given(ids)) {
      const [who, name, args] = step.length === 3 ? step : (['trainer', ...step] as const);
      expect((await actors[who].one(name, args)).status).toBe('applied');
    }
    const device = await deviceOf(by);
    const step = when(ids);

    const onTheDevice = await onDevice(device, step);
    const result = await actors[by].one(...step);
    const onTheServer = result.status === 'applied' ? 'applied' : result.error?.code;
    expect({ device: onTheDevice, server: onTheServer }).toEqual({ device: expected, server: expected });
    if (deviceQueuesOnly) await pullAgain(device, by);

    const records: [MutableEntity, string][] = [
      ['session', ids.session],
      ['participant', ids.person],
      ['participant', ids.person2],
      ['attendance', ids.row],
      ['attendance', ids.row2],
      ['photo', ids.photo],
    ];
    for (const [entity, id] of records) {
      const local = await entityTable(device, entity).get(id);
      expect(comparable(entity, local), `${entity} ${id}`).toEqual(comparable(entity, await serverRecord(entity, id)));
    }
    device.close();
  });

  it('covers every mutation name, allowed and refused', () => {
    const nameOf = (c: Case) => c.title.split(' ')[0];
    const names = new Set(cases.map(nameOf));
    expect(names.size).toBe(12);
    for (const name of names) {
      const outcomes = cases.filter((c) => nameOf(c) === name).map((c) => c.expect === 'applied');
      expect(outcomes, name).toContain(true);
      expect(outcomes, name).toContain(false);
    }
  });
});
