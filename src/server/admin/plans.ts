// /api/admin/plans: yearly targets per unit (overall, or per topic). Admins for every unit, organisers for
// units in their subtree. POST upserts the plan of (unitId, year, topicId): there is no unique index for it,
// but every write first takes the space's version row lock, so two upserts of one space never interleave.
import { Hono } from 'hono';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { planUpdateRequestSchema, planUpsertRequestSchema, plansQuerySchema } from '../../domain/schemas/admin';
import type { User } from '../../domain/schemas/auth';
import { writeAudit } from '../audit';
import { requireUser } from '../auth/require-user';
import type { DbExecutor } from '../db/database';
import { plans, topics, units } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { isUnitInSubtree, scopeUnitsCte } from '../reports/unit-scope';
import { idParam } from './id-param';
import { toPlan } from './records';

async function requireUnitInScope(db: DbExecutor, user: User, unitId: string): Promise<void> {
  if (user.role === 'admin' || (await isUnitInSubtree(db, user.unitId, unitId))) return;
  throw new HttpError(403, 'forbidden', 'That unit is outside your organisation');
}

export function createPlanRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('organiser', 'admin'));

  routes.get('/', async (c) => {
    const { year, unitId } = readQuery(c, plansQuerySchema);
    const me = c.get('user');
    if (unitId) await requireUnitInScope(db, me, unitId);
    const inScope = me.role === 'admin'
      ? undefined
      : sql`${plans.unitId} in (with recursive ${scopeUnitsCte({ rootUnitId: me.unitId })} select id from scope_units)`;
    const rows = await db.select().from(plans)
      .where(and(
        eq(plans.deleted, false), inScope,
        year ? eq(plans.year, year) : undefined,
        unitId ? eq(plans.unitId, unitId) : undefined,
      ))
      .orderBy(asc(plans.year), asc(plans.unitId), asc(plans.topicId));
    return c.json({ plans: rows.map(toPlan) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, planUpsertRequestSchema);
    const me = c.get('user');
    const [unit] = await db.select().from(units).where(and(eq(units.id, body.unitId), eq(units.deleted, false)));
    if (!unit) throw new HttpError(400, 'invalid', 'No such unit', { unitId: 'unknown' });
    await requireUnitInScope(db, me, unit.id);
    const topicId = body.topicId ?? null;
    if (topicId) {
      const [topic] = await db.select({ spaceId: topics.spaceId }).from(topics).where(eq(topics.id, topicId));
      if (!topic || topic.spaceId !== unit.spaceId) throw new HttpError(400, 'invalid', 'No such topic', { topicId: 'unknown' });
    }
    const now = clock.now();
    const targets = {
      targetSessions: body.targetSessions, targetParticipantTurns: body.targetParticipantTurns, note: body.note ?? null,
    };
    const { row, created } = await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, unit.spaceId);
      const [existing] = await tx.select({ id: plans.id }).from(plans).where(and(
        eq(plans.unitId, unit.id), eq(plans.year, body.year), eq(plans.deleted, false),
        topicId ? eq(plans.topicId, topicId) : isNull(plans.topicId),
      ));
      const [written] = existing
        ? await tx.update(plans).set({ ...targets, version, updatedAt: now }).where(eq(plans.id, existing.id)).returning()
        : await tx.insert(plans).values({
          id: uuidv7(), unitId: unit.id, year: body.year, topicId, ...targets,
          spaceId: unit.spaceId, version, createdAt: now, updatedAt: now,
        }).returning();
      await writeAudit(tx, {
        at: now, action: 'admin.plan_upsert', userId: me.id, spaceId: unit.spaceId, entity: 'plan', entityId: written!.id,
        detail: { unitId: unit.id, year: body.year, topicId, ...targets, created: !existing },
      });
      return { row: written!, created: !existing };
    });
    return c.json({ plan: toPlan(row) }, created ? 201 : 200);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'plan');
    const patch = await readJson(c, planUpdateRequestSchema);
    const me = c.get('user');
    const [current] = await db.select().from(plans).where(eq(plans.id, id));
    if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such plan');
    await requireUnitInScope(db, me, current.unitId);
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, current.spaceId);
      const [updated] = await tx.update(plans).set({ ...patch, version, updatedAt: now }).where(eq(plans.id, id)).returning();
      await writeAudit(tx, {
        at: now, action: 'admin.plan_update', userId: me.id, spaceId: current.spaceId, entity: 'plan', entityId: id,
        detail: { changed: Object.keys(patch), ...patch },
      });
      return updated!;
    });
    return c.json({ plan: toPlan(row) });
  });

  return routes;
}
