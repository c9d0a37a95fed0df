// /api/admin/units (admins only): the unit tree as a flat list with parentId, create, update. A unit with no
// parent is a provincial federation and founds a new space; any other unit joins its parent's space and
// moves only within it, never under itself. Every write takes a version from the space counter and is audited.
import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { spaceFilterQuerySchema, unitCreateRequestSchema, unitUpdateRequestSchema } from '../../domain/schemas/admin';
import { writeAudit } from '../audit';
import { requireUser } from '../auth/require-user';
import type { DbExecutor } from '../db/database';
import { spaces, units } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { isUnitInSubtree } from '../reports/unit-scope';
import { idParam } from './id-param';
import { toUnit, type UnitRow } from './records';

const invalidParent = (reason: string, message: string) => new HttpError(400, 'invalid', message, { parentId: reason });

export function createUnitRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('admin'));

  routes.get('/', async (c) => {
    const { spaceId } = readQuery(c, spaceFilterQuerySchema);
    const rows = await db.select().from(units)
      .where(spaceId ? eq(units.spaceId, spaceId) : undefined)
      .orderBy(asc(units.spaceId), asc(units.name));
    return c.json({ units: rows.filter((u) => !u.deleted).map(toUnit) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, unitCreateRequestSchema);
    const parent = body.parentId ? await findUnit(db, body.parentId) : undefined;
    if (body.parentId && !parent) throw invalidParent('unknown', 'No such parent unit');
    const now = clock.now();
    const me = c.get('user');
    const row = await db.transaction(async (tx) => {
      const spaceId = parent?.spaceId ?? uuidv7();
      if (!parent) await tx.insert(spaces).values({ id: spaceId, name: body.name, provinceCode: body.provinceCode, createdAt: now });
      const version = await nextSpaceVersion(tx, spaceId);
      const [created] = await tx.insert(units).values({
        id: uuidv7(), ...body, spaceId, active: true, version, createdAt: now, updatedAt: now,
      }).returning();
      await writeAudit(tx, {
        at: now, action: 'admin.unit_create', userId: me.id, spaceId, entity: 'unit', entityId: created!.id,
        detail: { ...body, newSpace: !parent },
      });
      return created!;
    });
    return c.json({ unit: toUnit(row) }, 201);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'unit');
    const patch = await readJson(c, unitUpdateRequestSchema);
    const current = await findUnit(db, id);
    if (!current) throw new HttpError(404, 'not_found', 'No such unit');
    if (patch.parentId !== undefined && patch.parentId !== current.parentId) await checkMove(db, current, patch.parentId);
    const now = clock.now();
    const me = c.get('user');
    const row = await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, current.spaceId);
      const [updated] = await tx.update(units).set({ ...patch, version, updatedAt: now }).where(eq(units.id, id)).returning();
      await writeAudit(tx, {
        at: now, action: 'admin.unit_update', userId: me.id, spaceId: current.spaceId, entity: 'unit', entityId: id,
        detail: { changed: Object.keys(patch), ...patch },
      });
      return updated!;
    });
    return c.json({ unit: toUnit(row) });
  });

  return routes;
}

async function findUnit(db: DbExecutor, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row && !row.deleted ? row : undefined;
}

async function checkMove(db: DbExecutor, unit: UnitRow, parentId: string | null): Promise<void> {
  if (parentId === null) throw invalidParent('required', 'Only a provincial federation has no parent');
  if (unit.parentId === null) throw invalidParent('root', 'A provincial federation cannot move under another unit');
  const parent = await findUnit(db, parentId);
  if (!parent) throw invalidParent('unknown', 'No such parent unit');
  if (parent.spaceId !== unit.spaceId) throw invalidParent('other_space', 'A unit cannot move to another space');
  if (await isUnitInSubtree(db, unit.id, parentId)) throw invalidParent('cycle', 'A unit cannot move under itself');
}
