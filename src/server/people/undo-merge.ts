// Undoing a merge (issue 13): the merged records live again as they were, their attendance rows name them
// again (joined rows come back, the days of the rows they joined are as before), earlier tombstones point
// where they pointed, and the kept record gets back its consent and ethnicity. Undone in reverse order: a
// later merge that built on this one (into or of the same people) must be undone first (409 otherwise).
// Same authority as the merge itself, on the records as they are now; audit-logged.
import { and, arrayOverlaps, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { MergeSummary } from '#domain/schemas/people';
import { writeAudit } from '../audit';
import { attendance, participantMerges, participants } from '../db/schema';
import { lockPeople, requireAboveAll, requireMerger } from './merge-access';
import { mergeChangesSchema } from './merge-changes';
import type { PeopleWriteContext } from './merge-people';
import { PeopleRefusal } from './people-refusal';

/** `keptId`, when given (the synced person.unmerge names it), must be the person the merge kept. */
export async function undoMerge(ctx: PeopleWriteContext, mergeId: string, keptId?: string): Promise<MergeSummary> {
  const { tx, user, now } = ctx;
  requireMerger(user);
  const [merge] = await tx.select().from(participantMerges).where(eq(participantMerges.id, mergeId)).for('update');
  if (!merge || (keptId !== undefined && merge.keptId.toLowerCase() !== keptId.toLowerCase())) {
    throw new PeopleRefusal(404, 'not_found', 'No such merge', { mergeId: 'not_found' });
  }
  if (merge.undoneAt) throw new PeopleRefusal(409, 'conflict', 'This merge was already undone', { mergeId: 'undone' });
  const people = await lockPeople(tx, [merge.keptId, ...merge.mergedIds]);
  await requireAboveAll(tx, user, people);

  const involved = [merge.keptId, ...merge.mergedIds];
  const [later] = await tx
    .select({ id: participantMerges.id })
    .from(participantMerges)
    .where(
      and(
        isNull(participantMerges.undoneAt),
        gt(participantMerges.seq, merge.seq),
        or(inArray(participantMerges.keptId, involved), arrayOverlaps(participantMerges.mergedIds, involved)),
      ),
    )
    .limit(1);
  if (later) {
    throw new PeopleRefusal(409, 'conflict', 'A later merge of these people must be undone first', {
      mergeId: later.id,
    });
  }

  const changes = mergeChangesSchema.parse(merge.changes);
  const version = await ctx.versionFor(merge.spaceId);
  const stamp = { version, updatedAt: now };

  await tx
    .update(participants)
    .set({ deleted: false, mergedInto: null, ...stamp })
    .where(inArray(participants.id, merge.mergedIds));
  for (const { id, from } of changes.repointed) {
    await tx
      .update(participants)
      .set({ mergedInto: from, ...stamp })
      .where(eq(participants.id, id));
  }
  const kept = changes.kept;
  await tx
    .update(participants)
    .set({ consentMethod: kept.consentMethod, consentAt: kept.consentAt, ethnicity: kept.ethnicity, ...stamp })
    .where(eq(participants.id, merge.keptId));

  for (const { id, from } of changes.moved) {
    await tx
      .update(attendance)
      .set({ participantId: from, ...stamp })
      .where(eq(attendance.id, id));
  }
  for (const { id, days } of changes.daysBefore) {
    await tx
      .update(attendance)
      .set({ days, ...stamp })
      .where(eq(attendance.id, id));
  }
  // A joined row comes back only while its pair is free (a trainer may have re-added the person since).
  for (const { id, from, into } of changes.joined) {
    await tx
      .update(attendance)
      .set({ deleted: false, ...stamp })
      .where(
        and(
          eq(attendance.id, id),
          sql`not exists (select 1 from ${attendance} a where a.session_id = ${attendance.sessionId}
        and a.participant_id = ${from} and not a.deleted and a.id <> ${id})`,
          // The row it joined still exists (deleted or not): the session is the same one it was.
          sql`exists (select 1 from ${attendance} a where a.id = ${into})`,
        ),
      );
  }

  await tx
    .update(participantMerges)
    .set({ undoneAt: now, undoneBy: user.id })
    .where(eq(participantMerges.id, merge.id));
  await writeAudit(tx, {
    at: now,
    action: 'participant.unmerge',
    userId: user.id,
    spaceId: merge.spaceId,
    entity: 'participant',
    entityId: merge.keptId,
    detail: { mergeId: merge.id, mergedIds: merge.mergedIds },
  });
  return {
    mergeId: merge.id,
    keptId: merge.keptId,
    mergedIds: merge.mergedIds,
    movedAttendance: changes.moved.length,
    joinedAttendance: changes.joined.length,
    mergedAt: merge.mergedAt.toISOString(),
    undoneAt: now.toISOString(),
  };
}
