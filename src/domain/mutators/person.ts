// person.merge / person.unmerge (issue 13, docs/sync.md §5): an organiser merges registrations of one person
// into the one kept, or undoes a merge. The server does the whole work in the push transaction with the code
// behind POST /api/people/merges (src/server/people): it needs every attendance row of the people across the
// province, and an undo needs what the merge changed, which only the server keeps. This rule is the device's:
// - the refusals the device can tell (who merges, the kept person among the merged, a record outside the
//   organiser's units, ethnicity answered differently across units) with the server's codes;
// - when the device holds every record named, the merge applied to what it holds, as the server applies it
//   (merge-rules.ts): the merged people removed, their attendance rows moved to the person kept, a session that
//   had two of them keeping one row with the days joined, the kept record's earliest consent and ethnicity;
// - when it does not (an organiser's working set rarely holds the people), nothing but the queued mutation:
//   the pull after the push brings the server's result, as it does for everything a merge touches.
// An undo is only queued: the device does not know what the merge changed.
import { earliestConsent, joinDays, mergedEthnicity } from '../rules/merge-rules';
import type { MutationArgs } from '../schemas/sync';
import { MutationError } from './mutation-error';
import { attendanceRecord, participantRecord } from './records';
import type { MutationContext, MutationRows, MutationTx, StoredRow } from './transaction';

type Person = StoredRow<'participant'>;
type Row = MutationRows['attendance'];

function requireMerger({ user }: MutationContext): void {
  if (user.role !== 'organiser' && user.role !== 'admin') {
    throw new MutationError('forbidden', 'Only organisers merge people');
  }
}

export async function personMerge(
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<'person.merge'>,
): Promise<void> {
  requireMerger(ctx);
  const mergedIds = [...new Set(args.mergedIds)];
  if (mergedIds.includes(args.id)) {
    throw new MutationError('invalid', 'The person kept cannot also be merged away', { mergedIds: 'includes_kept' });
  }
  const held = await Promise.all([args.id, ...mergedIds].map((id) => tx.get('participant', id)));
  const people = held.filter((row) => row !== undefined);
  const within = await withinUnits(tx, ctx, people);
  refuseOutsiders(people, within);
  refuseGone(people);
  const [kept, ...merged] = held;
  if (!kept || merged.some((row) => row === undefined)) return;
  const mergedPeople = merged as Person[];
  const answer = (row: Person) => ({ unitId: row.unitId, ethnicity: row.ethnicity ?? null });
  const ethnicity = mergedEthnicity(answer(kept), mergedPeople.map(answer));
  if (!ethnicity.ok) {
    throw new MutationError('conflict', 'The records of different units answer ethnicity differently', {
      ethnicity: 'differs_across_units',
    });
  }
  // A unit tree held in part cannot tell: the server decides, and this side only queues.
  if (!within.every((answer) => answer === true)) return;

  moveAttendance(tx, kept.id, await tx.liveAttendanceOf(people.map((row) => row.id)));
  for (const row of mergedPeople) tx.remove('participant', row.id);
  const consent = earliestConsent(people.map((row) => row.consent));
  tx.put('participant', participantRecord({ ...kept, consent, ethnicity: ethnicity.ethnicity }));
}

/** A side that keeps tombstones (the server's store) refuses a record already deleted or merged, as the server does. */
function refuseGone(people: readonly Person[]): void {
  const gone = people.filter((row) => row.deleted);
  if (gone.length === 0) return;
  const fields = Object.fromEntries(gone.map((row) => [row.id, row.mergedInto ? 'merged' : 'deleted']));
  throw new MutationError('conflict', 'A record was deleted or already merged', fields);
}

/** Per record: whether it lies at or below the organiser's unit (always, for an admin); undefined when unknown. */
async function withinUnits(
  tx: MutationTx,
  { user }: MutationContext,
  people: readonly Person[],
): Promise<(boolean | undefined)[]> {
  if (user.role === 'admin') return people.map(() => true);
  return Promise.all(people.map((row) => tx.isUnitWithin(row.unitId, user.unitId)));
}

/** An organiser merges only records at or below their unit. */
function refuseOutsiders(people: readonly Person[], within: readonly (boolean | undefined)[]): void {
  const outside = people.filter((_, i) => within[i] === false);
  if (outside.length === 0) return;
  const fields = Object.fromEntries(outside.map((row) => [row.id, 'forbidden']));
  throw new MutationError('forbidden', 'A record is outside your organisation', fields);
}

/** Per session: the row that stays (the kept person's, else the oldest), the others joined into it. */
function moveAttendance(tx: MutationTx, keptId: string, rows: readonly Row[]): void {
  const bySession = new Map<string, Row[]>();
  for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
  for (const sessionRows of bySession.values()) {
    const stays = sessionRows.find((row) => row.participantId === keptId) ?? sessionRows[0]!;
    let days = stays.days ?? null;
    for (const other of sessionRows.filter((row) => row !== stays)) {
      days = joinDays(days, other.days ?? null);
      tx.remove('attendance', other.id);
    }
    const changed = stays.participantId !== keptId || JSON.stringify(days) !== JSON.stringify(stays.days ?? null);
    if (changed) tx.put('attendance', attendanceRecord({ ...stays, participantId: keptId, days }));
  }
}

/** The device cannot undo a merge itself (what it changed is kept on the server): it only checks who asks. */
export function personUnmerge(
  _tx: MutationTx,
  ctx: MutationContext,
  _args: MutationArgs<'person.unmerge'>,
): Promise<void> {
  requireMerger(ctx);
  return Promise.resolve();
}
