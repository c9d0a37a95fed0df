// An organiser's working set (pull `scope: "working-set"`, README decision log): what an organiser's device
// holds instead of the whole history of their subtree, so the first sync grows with the review load, not
// with the years kept.
//
// The first sync (and a reset) runs in two phases; the cursor's `w` keeps the baseline version b, the
// space's counter when the first page was read:
// 1. review: the reference data (units, topics, plans, users: all of it at b, in the first page), then every
//    session awaiting review (status `submitted`) with its photos, then their attendance, then the people on
//    them (readReviewPage). Each page reads the current rows.
// 2. stream: the usual (version, entity, id) stream, restricted to
//    - sessions changed after b, and sessions of the last WORKING_SET_MONTHS months as headers (not their
//      attendance or photos), except the submitted ones at or below b (phase 1 delivered those: a session
//      still at a version ≤ b has not changed since, so it was submitted throughout phase 1);
//    - attendance and photos changed after b whose session is submitted, people changed after b who are on
//      a submitted session, reference rows changed after b;
//    and every session of a page that is submitted brings its attendance, photos and people along in full
//    (`expandSubmitted`): a session submitted after its roster was written must arrive with that roster.
// A session leaving the window or the queue stays on the device as it was; any later change to it still
// arrives (as a header). Older sessions are read from the server on demand (GET /api/sync/sessions/:id).
import { and, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { WORKING_SET_MONTHS, type Change, type SyncEntity } from '#domain/schemas/sync';
import type { DbExecutor } from '../db/database';
import { attendance, participants, photos, sessions } from '../db/schema';
import { changeData, entityTables, type AttendanceRow } from './entity-data';
import { scopeFilter, type Scope } from './scope';

type OrganiserScope = Extract<Scope, { role: 'organiser' }>;

const referenceEntities: SyncEntity[] = ['unit', 'topic', 'plan', 'user'];

/** The first day of the window: the same day WORKING_SET_MONTHS months before today (UTC). */
export function windowStart(now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - WORKING_SET_MONTHS, now.getUTCDate()));
  return start.toISOString().slice(0, 10);
}

function toChange(entity: SyncEntity, row: { id: string; version: number; deleted: boolean }): Change {
  return {
    entity,
    id: row.id,
    version: Number(row.version),
    deleted: row.deleted,
    data: changeData(entity, row as never),
  };
}

const submittedIn = (scope: OrganiserScope) =>
  and(inArray(sessions.unitId, scope.unitIds), eq(sessions.status, 'submitted'), eq(sessions.deleted, false));

/** Phase 2's filter per entity (see the header). */
export function streamFilter(
  scope: OrganiserScope,
  baseline: number,
  fromDate: string,
): (entity: SyncEntity) => SQL | undefined {
  const submittedIds = sql`select ${sessions.id} from ${sessions} where ${submittedIn(scope)}`;
  return (entity) => {
    const inScope = scopeFilter(scope, entity);
    const table = entityTables[entity];
    const changed = gt(table.version, baseline);
    switch (entity) {
      case 'session':
        return and(
          inScope,
          or(
            changed,
            and(
              sql`${sessions.startDate} >= ${fromDate}`,
              sql`${sessions.status} <> 'submitted'`,
              eq(sessions.deleted, false),
            ),
          ),
        );
      case 'attendance':
        return and(inScope, changed, sql`${attendance.sessionId} in (${submittedIds})`);
      case 'photo':
        return and(inScope, changed, sql`${photos.sessionId} in (${submittedIds})`);
      case 'participant':
        return and(
          inScope,
          changed,
          sql`${participants.id} in (select ${attendance.participantId} from ${attendance}
          where ${attendance.deleted} = false and ${attendance.sessionId} in (${submittedIds}))`,
        );
      default:
        return and(inScope, changed);
    }
  };
}

/** The live attendance and photos of these sessions, and the people on them: a review item in full. */
export async function sessionDetails(
  db: DbExecutor,
  sessionIds: string[],
  except: ReadonlySet<string> = new Set(),
): Promise<Change[]> {
  if (sessionIds.length === 0) return [];
  const [rows, photoRows] = await Promise.all([
    db
      .select()
      .from(attendance)
      .where(and(inArray(attendance.sessionId, sessionIds), eq(attendance.deleted, false))),
    db
      .select()
      .from(photos)
      .where(and(inArray(photos.sessionId, sessionIds), eq(photos.deleted, false))),
  ]);
  const people = await peopleOf(db, rows, except);
  return [
    ...rows.filter((r) => !except.has(`attendance:${r.id}`)).map((r) => toChange('attendance', r)),
    ...photoRows.filter((r) => !except.has(`photo:${r.id}`)).map((r) => toChange('photo', r)),
    ...people,
  ];
}

async function peopleOf(db: DbExecutor, rows: AttendanceRow[], except: ReadonlySet<string>): Promise<Change[]> {
  const ids = [...new Set(rows.map((r) => r.participantId))].filter((id) => !except.has(`participant:${id}`));
  if (ids.length === 0) return [];
  const people = await db.select().from(participants).where(inArray(participants.id, ids));
  return people.map((p) => toChange('participant', p));
}

export type ReviewStep = 'sessions' | 'attendance' | 'people';
/** Where phase 1 stands: the step, and the last id it delivered in that step ('' before the first). */
export interface ReviewPosition {
  step: ReviewStep;
  after: string;
}

export interface ReviewPage {
  changes: Change[];
  /** Where the next page starts; null once phase 1 is over. */
  next: ReviewPosition | null;
}

const nextStep: Record<ReviewStep, ReviewStep | null> = { sessions: 'attendance', attendance: 'people', people: null };

/**
 * One page of phase 1, about `limit` rows: the reference data first (when `first`), then in three steps, each
 * in id order: the sessions awaiting review (with their photos), their attendance, then the people on them,
 * each person once. The queue is usable after the first step; the steps after it fill in the rosters.
 */
export async function readReviewPage(
  db: DbExecutor,
  scope: OrganiserScope,
  from: ReviewPosition,
  limit: number,
  first: boolean,
): Promise<ReviewPage> {
  const changes = first ? await readReference(db, scope) : [];
  let position: ReviewPosition | null = from;
  while (position && changes.length < limit) {
    const room = Math.max(1, limit - changes.length);
    const rows = await readStep(db, scope, position, room + 1);
    const taken = rows.slice(0, room);
    changes.push(...taken);
    if (position.step === 'sessions')
      changes.push(
        ...(await photosOf(
          db,
          taken.map((c) => c.id),
        )),
      );
    const step: ReviewStep | null = nextStep[position.step];
    position =
      rows.length > room ? { step: position.step, after: taken.at(-1)!.id } : step ? { step, after: '' } : null;
  }
  return { changes, next: position };
}

function submittedIdsIn(scope: OrganiserScope): SQL {
  return sql`select ${sessions.id} from ${sessions} where ${submittedIn(scope)}`;
}

function peopleInReview(scope: OrganiserScope): SQL {
  return sql`${participants.id} in (select ${attendance.participantId} from ${attendance}
    where ${attendance.deleted} = false and ${attendance.sessionId} in (${submittedIdsIn(scope)}))`;
}

async function readStep(
  db: DbExecutor,
  scope: OrganiserScope,
  { step, after }: ReviewPosition,
  limit: number,
): Promise<Change[]> {
  if (step === 'sessions') {
    const rows = await db
      .select()
      .from(sessions)
      .where(and(submittedIn(scope), after ? gt(sessions.id, after) : undefined))
      .orderBy(sessions.id)
      .limit(limit);
    return rows.map((r) => toChange('session', r));
  }
  if (step === 'attendance') {
    const rows = await db
      .select()
      .from(attendance)
      .where(
        and(
          eq(attendance.deleted, false),
          sql`${attendance.sessionId} in (${submittedIdsIn(scope)})`,
          after ? gt(attendance.id, after) : undefined,
        ),
      )
      .orderBy(attendance.id)
      .limit(limit);
    return rows.map((r) => toChange('attendance', r));
  }
  const rows = await db
    .select()
    .from(participants)
    .where(and(peopleInReview(scope), after ? gt(participants.id, after) : undefined))
    .orderBy(participants.id)
    .limit(limit);
  return rows.map((r) => toChange('participant', r));
}

async function photosOf(db: DbExecutor, sessionIds: string[]): Promise<Change[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .select()
    .from(photos)
    .where(and(inArray(photos.sessionId, sessionIds), eq(photos.deleted, false)));
  return rows.map((r) => toChange('photo', r));
}

async function readReference(db: DbExecutor, scope: OrganiserScope): Promise<Change[]> {
  const lists = await Promise.all(
    referenceEntities.map(async (entity) => {
      const table = entityTables[entity] as typeof entityTables.unit;
      const rows = await db
        .select()
        .from(table)
        .where(and(scopeFilter(scope, entity), eq(table.deleted, false)));
      return rows.map((row) => toChange(entity, row));
    }),
  );
  return lists.flat();
}

/** Rows of phase 1 still to come after `at` (for "how much is left"; photos are not counted). */
export async function countReviewLeft(db: DbExecutor, scope: OrganiserScope, at: ReviewPosition): Promise<number> {
  const order: ReviewStep[] = ['sessions', 'attendance', 'people'];
  const past = (step: ReviewStep) => order.indexOf(step) < order.indexOf(at.step);
  const after = (step: ReviewStep, id: SQL) => (step === at.step && at.after ? sql`and ${id} > ${at.after}` : sql``);
  const none = sql`select 0 as n`;
  const result = await db.execute<{ n: string | number }>(sql`
    select (${past('sessions') ? none : sql`select count(*) from ${sessions} where ${submittedIn(scope)} ${after('sessions', sql`${sessions.id}`)}`})
      + (${
        past('attendance')
          ? none
          : sql`select count(*) from ${attendance} where ${attendance.deleted} = false
          and ${attendance.sessionId} in (${submittedIdsIn(scope)}) ${after('attendance', sql`${attendance.id}`)}`
      })
      + (select count(*) from ${participants} where ${peopleInReview(scope)} ${after('people', sql`${participants.id}`)}) as n`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Phase 2: every submitted session of the page brings its attendance, photos and people not already in it. */
export async function expandSubmitted(db: DbExecutor, page: Change[]): Promise<Change[]> {
  const inPage = new Set(page.map((c) => `${c.entity}:${c.id}`));
  const submitted = page
    .filter((c) => c.entity === 'session' && !c.deleted && c.data?.status === 'submitted')
    .map((c) => c.id);
  const extra = await sessionDetails(db, submitted, inPage);
  for (const c of extra) inPage.add(`${c.entity}:${c.id}`);
  // Attendance in the page whose person is not: a row added to a submitted roster names someone older.
  const pageAttendance = page.filter((c) => c.entity === 'attendance' && !c.deleted).map((c) => c.id);
  if (pageAttendance.length === 0) return extra;
  const rows = await db.select().from(attendance).where(inArray(attendance.id, pageAttendance));
  return [...extra, ...(await peopleOf(db, rows, inPage))];
}
