// Yearly plans' reads and writes behind /api/admin/plans: list within the user's scope, upsert the plan of
// (unitId, year, topicId), update. There is no unique index for the upsert's key, but every write first takes
// the space's version row lock, so two upserts of one space never interleave. Every write is audited.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { PlanUpdateRequest, PlanUpsertRequest } from '#domain/schemas/admin';
import type { User } from '#domain/schemas/auth';
import { writeAudit } from '../audit';
import type { Db, DbExecutor } from '../db/database';
import { plans, topics, units } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import { HttpError } from '../http/errors';
import { isUnitInSubtree, scopeUnitsCte } from '../reports/unit-scope';
import type { PlanRow } from './records';
import { updateReference } from './reference-update';

async function requireUnitInScope(db: DbExecutor, user: User, unitId: string): Promise<void> {
  if (user.role === 'admin' || (await isUnitInSubtree(db, user.unitId, unitId))) return;
  throw new HttpError(403, 'forbidden', 'That unit is outside your organisation');
}

/** The live plans the user may see (an organiser's subtree), optionally of one year and one unit. */
export async function listPlans(
  db: DbExecutor,
  user: User,
  filter: { year?: number | undefined; unitId?: string | undefined },
): Promise<PlanRow[]> {
  const { year, unitId } = filter;
  if (unitId) await requireUnitInScope(db, user, unitId);
  const inScope =
    user.role === 'admin'
      ? undefined
      : sql`${plans.unitId} in (with recursive ${scopeUnitsCte({ rootUnitId: user.unitId })} select id from scope_units)`;
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.deleted, false),
        inScope,
        year ? eq(plans.year, year) : undefined,
        unitId ? eq(plans.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(plans.year), asc(plans.unitId), asc(plans.topicId));
}

/** Writes the plan of (unitId, year, topicId), creating it when there is none; `created` says which. */
export async function upsertPlan(
  db: Db,
  body: PlanUpsertRequest,
  actor: User,
  now: Date,
): Promise<{ row: PlanRow; created: boolean }> {
  const [unit] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, body.unitId), eq(units.deleted, false)));
  if (!unit) throw new HttpError(400, 'invalid', 'No such unit', { unitId: 'unknown' });
  await requireUnitInScope(db, actor, unit.id);
  const topicId = body.topicId ?? null;
  if (topicId) {
    const [topic] = await db.select({ spaceId: topics.spaceId }).from(topics).where(eq(topics.id, topicId));
    if (!topic || topic.spaceId !== unit.spaceId)
      throw new HttpError(400, 'invalid', 'No such topic', { topicId: 'unknown' });
  }
  const targets = {
    targetSessions: body.targetSessions,
    targetParticipantTurns: body.targetParticipantTurns,
    note: body.note ?? null,
  };
  return db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, unit.spaceId);
    const [existing] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.unitId, unit.id),
          eq(plans.year, body.year),
          eq(plans.deleted, false),
          topicId ? eq(plans.topicId, topicId) : isNull(plans.topicId),
        ),
      );
    const [written] = existing
      ? await tx
          .update(plans)
          .set({ ...targets, version, updatedAt: now })
          .where(eq(plans.id, existing.id))
          .returning()
      : await tx
          .insert(plans)
          .values({
            id: uuidv7(),
            unitId: unit.id,
            year: body.year,
            topicId,
            ...targets,
            spaceId: unit.spaceId,
            version,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
    await writeAudit(tx, {
      at: now,
      action: 'admin.plan_upsert',
      userId: actor.id,
      spaceId: unit.spaceId,
      entity: 'plan',
      entityId: written!.id,
      detail: { unitId: unit.id, year: body.year, topicId, ...targets, created: !existing },
    });
    return { row: written!, created: !existing };
  });
}

/** Updates a plan of a unit in the user's scope; 404 when there is none, 403 outside the scope. */
export async function updatePlan(
  db: Db,
  id: string,
  patch: PlanUpdateRequest,
  actor: User,
  now: Date,
): Promise<PlanRow> {
  const [current] = await db.select().from(plans).where(eq(plans.id, id));
  if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such plan');
  await requireUnitInScope(db, actor, current.unitId);
  return updateReference(
    db,
    { entity: 'plan', id, spaceId: current.spaceId, patch, actorId: actor.id, now },
    (tx, set) => tx.update(plans).set(set).where(eq(plans.id, id)).returning(),
  );
}
