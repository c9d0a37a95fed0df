// Merging registrations of one person into the one kept (issue 13), in the caller's transaction:
// - every live attendance row of a merged record moves to the kept person; a session that had two of the
//   records keeps one row (the kept person's if there was one) with the days joined, the others become
//   tombstones — a roster never names one person twice;
// - the merged records become tombstones with `mergedInto` = the kept person, and tombstones of earlier
//   merges that pointed at them point at the kept person too, so `mergedInto` is never a chain;
// - the kept record keeps the earliest consent, and an ethnicity nobody learns from (merge-rules.ts);
// - everything written gets the space's version of this write, so devices follow on their next pull;
// - the merge is recorded with what it changed (for its undo) and audit-logged.
import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { earliestConsent, joinDays, mergedEthnicity } from '#domain/rules/merge-rules';
import type { User } from '#domain/schemas/auth';
import type { MergeRequest, MergeSummary } from '#domain/schemas/people';
import { writeAudit } from '../audit';
import type { DbTx } from '../db/database';
import { attendance, participantMerges, participants } from '../db/schema';
import type { AttendanceRow } from '../sync/entity-data';
import { lockPeople, requireAboveAll, requireMerger } from './merge-access';
import type { MergeChanges } from './merge-changes';
import { PeopleRefusal } from './people-refusal';

export interface PeopleWriteContext {
  tx: DbTx;
  user: User;
  now: Date;
  /** The version of every row this write stamps in the space. */
  versionFor: (spaceId: string) => Promise<number>;
}

export async function mergePeople(ctx: PeopleWriteContext, request: MergeRequest): Promise<MergeSummary> {
  const { tx, user, now } = ctx;
  requireMerger(user);
  const keptId = request.id.toLowerCase();
  const mergedIds = [...new Set(request.mergedIds.map((id) => id.toLowerCase()))];
  if (mergedIds.includes(keptId)) {
    throw new PeopleRefusal(400, 'invalid', 'The person kept cannot also be merged away', {
      mergedIds: 'includes_kept',
    });
  }
  const [kept, ...merged] = await lockPeople(tx, [keptId, ...mergedIds]);
  // lockPeople has answered 404 for any missing id; this is for the type.
  if (!kept) throw new PeopleRefusal(404, 'not_found', 'No such person', { id: 'not_found' });
  // Whose records these are comes first: someone outside the organisation learns nothing of their state.
  await requireAboveAll(tx, user, [kept, ...merged]);
  const gone = [kept, ...merged].filter((row) => row.deleted);
  if (gone.length > 0) {
    const fields = Object.fromEntries(gone.map((row) => [row.id, row.mergedInto ? 'merged' : 'deleted']));
    throw new PeopleRefusal(409, 'conflict', 'A record was deleted or already merged', fields);
  }
  const ethnicity = mergedEthnicity(
    { unitId: kept.unitId, ethnicity: kept.ethnicity },
    merged.map((row) => ({ unitId: row.unitId, ethnicity: row.ethnicity })),
  );
  if (!ethnicity.ok) {
    throw new PeopleRefusal(409, 'conflict', 'The records of different units answer ethnicity differently', {
      ethnicity: 'differs_across_units',
    });
  }

  const version = await ctx.versionFor(kept.spaceId);
  const stamp = { version, updatedAt: now };
  const attendanceChanges = await moveAttendance(
    ctx,
    kept.id,
    merged.map((row) => row.id),
    stamp,
  );

  const repointed = await tx
    .select({ id: participants.id, from: participants.mergedInto })
    .from(participants)
    .where(inArray(participants.mergedInto, mergedIds));
  if (repointed.length > 0) {
    await tx
      .update(participants)
      .set({ mergedInto: kept.id, ...stamp })
      .where(
        inArray(
          participants.id,
          repointed.map((row) => row.id),
        ),
      );
  }
  await tx
    .update(participants)
    .set({ deleted: true, mergedInto: kept.id, ...stamp })
    .where(
      inArray(
        participants.id,
        merged.map((row) => row.id),
      ),
    );
  const consent = earliestConsent([kept, ...merged].map((row) => ({ method: row.consentMethod, at: row.consentAt })));
  await tx
    .update(participants)
    .set({ consentMethod: consent.method, consentAt: consent.at, ethnicity: ethnicity.ethnicity, ...stamp })
    .where(eq(participants.id, kept.id));

  const changes: MergeChanges = {
    ...attendanceChanges,
    repointed: repointed.flatMap((row) => (row.from ? [{ id: row.id, from: row.from }] : [])),
    kept: { consentMethod: kept.consentMethod, consentAt: kept.consentAt, ethnicity: kept.ethnicity },
  };
  const mergeId = request.mergeId?.toLowerCase() ?? uuidv7();
  await tx.insert(participantMerges).values({
    id: mergeId,
    spaceId: kept.spaceId,
    keptId: kept.id,
    mergedIds: merged.map((row) => row.id),
    mergedBy: user.id,
    mergedAt: now,
    changes,
  });
  const summary: MergeSummary = {
    mergeId,
    keptId: kept.id,
    mergedIds: merged.map((row) => row.id),
    movedAttendance: changes.moved.length,
    joinedAttendance: changes.joined.length,
    mergedAt: now.toISOString(),
    undoneAt: null,
  };
  await writeAudit(tx, {
    at: now,
    action: 'participant.merge',
    userId: user.id,
    spaceId: kept.spaceId,
    entity: 'participant',
    entityId: kept.id,
    detail: { mergeId, mergedIds: summary.mergedIds, moved: summary.movedAttendance, joined: summary.joinedAttendance },
  });
  return summary;
}

type AttendanceChanges = Pick<MergeChanges, 'moved' | 'joined' | 'daysBefore'>;

/** Per session: the row that stays (the kept person's, else the oldest), the others joined into it. */
async function moveAttendance(
  { tx }: PeopleWriteContext,
  keptId: string,
  mergedIds: string[],
  stamp: { version: number; updatedAt: Date },
): Promise<AttendanceChanges> {
  const rows = await tx
    .select()
    .from(attendance)
    .where(and(inArray(attendance.participantId, [keptId, ...mergedIds]), eq(attendance.deleted, false)))
    .orderBy(attendance.sessionId, attendance.createdAt, attendance.id)
    .for('update');
  const bySession = new Map<string, AttendanceRow[]>();
  for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);

  const changes: AttendanceChanges = { moved: [], joined: [], daysBefore: [] };
  const daysAfter = new Map<string, number[] | null>();
  for (const sessionRows of bySession.values()) {
    const stays = sessionRows.find((row) => row.participantId === keptId) ?? sessionRows[0]!;
    if (stays.participantId !== keptId) changes.moved.push({ id: stays.id, from: stays.participantId });
    let days = stays.days;
    for (const other of sessionRows.filter((row) => row !== stays)) {
      changes.joined.push({ id: other.id, from: other.participantId, into: stays.id });
      days = joinDays(days, other.days);
    }
    if (JSON.stringify(days) !== JSON.stringify(stays.days)) {
      changes.daysBefore.push({ id: stays.id, days: stays.days });
      daysAfter.set(stays.id, days);
    }
  }
  if (changes.joined.length > 0) {
    // Tombstones first: the live (session, participant) pair must be free before a row moves onto it.
    await tx
      .update(attendance)
      .set({ deleted: true, ...stamp })
      .where(
        inArray(
          attendance.id,
          changes.joined.map((row) => row.id),
        ),
      );
  }
  if (changes.moved.length > 0) {
    await tx
      .update(attendance)
      .set({ participantId: keptId, ...stamp })
      .where(
        inArray(
          attendance.id,
          changes.moved.map((row) => row.id),
        ),
      );
  }
  for (const [id, days] of daysAfter) {
    await tx
      .update(attendance)
      .set({ days, ...stamp })
      .where(eq(attendance.id, id));
  }
  return changes;
}
