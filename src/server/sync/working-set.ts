// An organiser's working set (pull `scope: "working-set"`, README decision log): what an organiser's device
// holds instead of the whole history of their subtree, so the first sync grows with the review load, not
// with the years kept.
//
// The first sync (and a reset) runs in two phases; the cursor's `w` keeps the baseline version b, the
// space's counter when the first page was read:
// 1. review: the reference data (units, topics, plans, users: all of it at b, in the first page), then every
//    session awaiting review (status `submitted`) with its attendance, the people on it and its photos,
//    paged by session id. Each page reads the current rows.
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
import { WORKING_SET_MONTHS, type Change, type SyncEntity } from '../../domain/schemas/sync';
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
  return { entity, id: row.id, version: Number(row.version), deleted: row.deleted, data: changeData(entity, row as never) };
}

const submittedIn = (scope: OrganiserScope) =>
  and(inArray(sessions.unitId, scope.unitIds), eq(sessions.status, 'submitted'), eq(sessions.deleted, false));

/** Phase 2's filter per entity (see the header). */
export function streamFilter(scope: OrganiserScope, baseline: number, fromDate: string): (entity: SyncEntity) => SQL | undefined {
  const submittedIds = sql`select ${sessions.id} from ${sessions} where ${submittedIn(scope)}`;
  return (entity) => {
    const inScope = scopeFilter(scope, entity);
    const table = entityTables[entity];
    const changed = gt(table.version, baseline);
    switch (entity) {
      case 'session':
        return and(inScope, or(changed, and(
          sql`${sessions.startDate} >= ${fromDate}`, sql`${sessions.status} <> 'submitted'`, eq(sessions.deleted, false),
        )));
      case 'attendance':
        return and(inScope, changed, sql`${attendance.sessionId} in (${submittedIds})`);
      case 'photo':
        return and(inScope, changed, sql`${photos.sessionId} in (${submittedIds})`);
      case 'participant':
        return and(inScope, changed, sql`${participants.id} in (select ${attendance.participantId} from ${attendance}
          where ${attendance.deleted} = false and ${attendance.sessionId} in (${submittedIds}))`);
      default:
        return and(inScope, changed);
    }
  };
}

/** The live attendance and photos of these sessions, and the people on them: a review item in full. */
export async function sessionDetails(db: DbExecutor, sessionIds: string[], except: ReadonlySet<string> = new Set()): Promise<Change[]> {
  if (sessionIds.length === 0) return [];
  const [rows, photoRows] = await Promise.all([
    db.select().from(attendance).where(and(inArray(attendance.sessionId, sessionIds), eq(attendance.deleted, false))),
    db.select().from(photos).where(and(inArray(photos.sessionId, sessionIds), eq(photos.deleted, false))),
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

export interface ReviewPage {
  changes: Change[];
  /** The last session delivered ('' when none yet). */
  lastId: string;
  done: boolean;
}

/**
 * One page of phase 1: the reference data first (when `first`), then whole review items after `afterId` in id
 * order until about `limit` rows (at least one item, so a large roster never stalls the phase).
 */
export async function readReviewPage(
  db: DbExecutor, scope: OrganiserScope, afterId: string, limit: number, first: boolean,
): Promise<ReviewPage> {
  const reference = first ? await readReference(db, scope) : [];
  const batch = Math.max(5, Math.ceil(limit / 20));
  const candidates = await db.select().from(sessions)
    .where(and(submittedIn(scope), afterId ? gt(sessions.id, afterId) : undefined))
    .orderBy(sessions.id)
    .limit(batch + 1);
  const rosterSize = await rosterSizes(db, candidates.map((c) => c.id));
  const chosen: typeof candidates = [];
  let rows = reference.length;
  for (const session of candidates.slice(0, batch)) {
    if (chosen.length > 0 && rows >= limit) break;
    chosen.push(session);
    rows += 1 + 2 * (rosterSize.get(session.id) ?? 0);
  }
  const details = await sessionDetails(db, chosen.map((s) => s.id));
  const done = chosen.length === candidates.length;
  return {
    changes: [...reference, ...chosen.map((s) => toChange('session', s)), ...details],
    lastId: chosen.at(-1)?.id ?? afterId,
    done,
  };
}

async function rosterSizes(db: DbExecutor, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const result = await db.execute<{ s: string; n: string | number }>(sql`
    select ${attendance.sessionId}::text as s, count(*) as n from ${attendance}
    where ${attendance.deleted} = false and ${inArray(attendance.sessionId, sessionIds)}
    group by ${attendance.sessionId}`);
  return new Map(result.rows.map((row) => [row.s, Number(row.n)]));
}

async function readReference(db: DbExecutor, scope: OrganiserScope): Promise<Change[]> {
  const lists = await Promise.all(referenceEntities.map(async (entity) => {
    const table = entityTables[entity] as typeof entityTables.unit;
    const rows = await db.select().from(table).where(and(scopeFilter(scope, entity), eq(table.deleted, false)));
    return rows.map((row) => toChange(entity, row));
  }));
  return lists.flat();
}

/** Sessions, attendance and photos of submitted sessions still to come in phase 1 (for "how much is left"). */
export async function countReviewLeft(db: DbExecutor, scope: OrganiserScope, afterId: string): Promise<number> {
  const after = afterId ? sql`and ${sessions.id} > ${afterId}` : sql``;
  const ids = sql`select ${sessions.id} from ${sessions} where ${submittedIn(scope)} ${after}`;
  const result = await db.execute<{ n: string | number }>(sql`
    select (select count(*) from (${ids}) s)
      + (select count(*) from ${attendance} where ${attendance.deleted} = false and ${attendance.sessionId} in (${ids}))
      + (select count(*) from ${photos} where ${photos.deleted} = false and ${photos.sessionId} in (${ids})) as n`);
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
