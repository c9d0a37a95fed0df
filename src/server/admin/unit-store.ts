// The unit tree's reads and writes behind /api/admin/units: list, create (a unit with no parent founds a new
// space), update (a move stays inside the unit's space and never goes under itself). Every write takes a
// version from the space counter and is audited in the same transaction; a refusal is the route's HttpError.
import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { UnitCreateRequest, UnitUpdateRequest } from '#domain/schemas/admin';
import { writeAudit } from '../audit';
import type { Db, DbExecutor } from '../db/database';
import { spaces, units } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import { HttpError } from '../http/errors';
import { isUnitInSubtree } from '../reports/unit-scope';
import type { UnitRow } from './records';
import { updateReference } from './reference-update';

const invalidParent = (reason: string, message: string) => new HttpError(400, 'invalid', message, { parentId: reason });

/** The live units, of one space or of all, by space then name. */
export async function listUnits(db: DbExecutor, spaceId: string | undefined): Promise<UnitRow[]> {
  const rows = await db
    .select()
    .from(units)
    .where(spaceId ? eq(units.spaceId, spaceId) : undefined)
    .orderBy(asc(units.spaceId), asc(units.name));
  return rows.filter((u) => !u.deleted);
}

/** Creates a unit under its parent, or a provincial federation and its new space when it has none. */
export async function createUnit(db: Db, body: UnitCreateRequest, actorId: string, now: Date): Promise<UnitRow> {
  const parent = body.parentId ? await findUnit(db, body.parentId) : undefined;
  if (body.parentId && !parent) throw invalidParent('unknown', 'No such parent unit');
  return db.transaction(async (tx) => {
    const spaceId = parent?.spaceId ?? uuidv7();
    if (!parent)
      await tx.insert(spaces).values({ id: spaceId, name: body.name, provinceCode: body.provinceCode, createdAt: now });
    const version = await nextSpaceVersion(tx, spaceId);
    const [created] = await tx
      .insert(units)
      .values({
        id: uuidv7(),
        ...body,
        spaceId,
        active: true,
        version,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, {
      at: now,
      action: 'admin.unit_create',
      userId: actorId,
      spaceId,
      entity: 'unit',
      entityId: created!.id,
      detail: { ...body, newSpace: !parent },
    });
    return created!;
  });
}

/** Updates a unit; 404 when there is none, 400 for a move the tree does not allow. */
export async function updateUnit(
  db: Db,
  id: string,
  patch: UnitUpdateRequest,
  actorId: string,
  now: Date,
): Promise<UnitRow> {
  const current = await findUnit(db, id);
  if (!current) throw new HttpError(404, 'not_found', 'No such unit');
  if (patch.parentId !== undefined && patch.parentId !== current.parentId) await checkMove(db, current, patch.parentId);
  return updateReference(
    db,
    { entity: 'unit', id, spaceId: current.spaceId, patch, actorId: actorId, now },
    (tx, set) => tx.update(units).set(set).where(eq(units.id, id)).returning(),
  );
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
