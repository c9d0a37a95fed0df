// Who may merge people (issue 13): an organiser whose unit is above (or is) the unit of every record
// involved, or an admin; records of one space only. Locks the records, in id order so two merges of
// overlapping people queue instead of deadlocking.
import { inArray } from 'drizzle-orm';
import type { User } from '#domain/schemas/auth';
import type { DbExecutor } from '../db/database';
import { participants } from '../db/schema';
import type { ParticipantRow } from '../sync/entity-data';
import { unitSubtree } from '../sync/units';
import { PeopleRefusal } from './people-refusal';

export function requireMerger(user: User): void {
  if (user.role !== 'organiser' && user.role !== 'admin') {
    throw new PeopleRefusal(403, 'forbidden', 'Only organisers merge people');
  }
}

/** The records, locked, in the order of `ids`; 404 when one is missing. */
export async function lockPeople(tx: DbExecutor, ids: readonly string[]): Promise<ParticipantRow[]> {
  const sorted = [...ids].sort();
  const rows = await tx
    .select()
    .from(participants)
    .where(inArray(participants.id, sorted))
    .orderBy(participants.id)
    .for('update');
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  return ids.map((id) => {
    const row = byId.get(id.toLowerCase());
    if (!row) throw new PeopleRefusal(404, 'not_found', 'No such person', { [id]: 'not_found' });
    return row;
  });
}

/** 403 unless every record lies in the user's subtree (and space); 400 when they span spaces. */
export async function requireAboveAll(tx: DbExecutor, user: User, rows: readonly ParticipantRow[]): Promise<void> {
  const spaceIds = new Set(rows.map((row) => row.spaceId));
  if (spaceIds.size > 1) throw new PeopleRefusal(400, 'invalid', 'People of different provinces cannot be merged');
  if (user.role === 'admin') return;
  const subtree = new Set(await unitSubtree(tx, user.unitId));
  const outside = rows.filter((row) => !subtree.has(row.unitId));
  if (outside.length > 0 || rows.some((row) => row.spaceId !== user.spaceId)) {
    const fields = Object.fromEntries(outside.map((row) => [row.id, 'forbidden']));
    throw new PeopleRefusal(403, 'forbidden', 'A record is outside your organisation', fields);
  }
}
