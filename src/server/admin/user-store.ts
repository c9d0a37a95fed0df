// The accounts' reads and writes behind /api/admin/users: list, create, update. A user belongs to its unit's
// space and stays in it; an admin cannot lock themself out. Disabling an account or resetting its password
// revokes its tokens. Every write takes a version from the space counter and is audited without the password.
import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { UserCreateRequest, UserUpdateRequest } from '#domain/schemas/admin';
import { writeAudit } from '../audit';
import { hashPassword } from '../auth/passwords';
import { revokeAllTokens, type UserRow } from '../auth/tokens';
import type { Db, DbExecutor } from '../db/database';
import { units, users } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import { HttpError } from '../http/errors';
import { isUniqueViolation } from './records';

const usernameTaken = () => new HttpError(409, 'conflict', 'That username is taken', { username: 'taken' });

/** The live accounts, of one space or of all, by username. */
export async function listUsers(db: DbExecutor, spaceId: string | undefined): Promise<UserRow[]> {
  const rows = await db
    .select()
    .from(users)
    .where(spaceId ? eq(users.spaceId, spaceId) : undefined)
    .orderBy(asc(users.username));
  return rows.filter((row) => !row.deleted);
}

/** Creates an account in its unit's space; 400 for an unknown unit, 409 for a taken username. */
export async function createUser(
  db: Db,
  body: UserCreateRequest,
  actorId: string,
  now: Date,
  scryptN: number,
): Promise<UserRow> {
  const unit = await findUnit(db, body.unitId);
  const passwordHash = await hashPassword(body.password, scryptN);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username));
      if (taken) throw usernameTaken();
      const version = await nextSpaceVersion(tx, unit.spaceId);
      const [created] = await tx
        .insert(users)
        .values({
          id: uuidv7(),
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          unitId: unit.id,
          locale: body.locale,
          passwordHash,
          spaceId: unit.spaceId,
          version,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await writeAudit(tx, {
        at: now,
        action: 'admin.user_create',
        userId: actorId,
        spaceId: unit.spaceId,
        entity: 'user',
        entityId: created!.id,
        detail: { username: body.username, role: body.role, unitId: unit.id },
      });
      return created!;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? usernameTaken() : error;
  }
}

/** Updates an account; 404 when there is none, 400 for a self lock-out or a move to another space. */
export async function updateUser(
  db: Db,
  id: string,
  patch: UserUpdateRequest,
  actorId: string,
  now: Date,
  scryptN: number,
): Promise<UserRow> {
  const [current] = await db.select().from(users).where(eq(users.id, id));
  if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such user');
  if (id === actorId && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
    throw new HttpError(400, 'invalid', 'You cannot lock yourself out', {
      [patch.disabled ? 'disabled' : 'role']: 'self',
    });
  }
  if (patch.unitId && patch.unitId !== current.unitId) {
    const unit = await findUnit(db, patch.unitId);
    if (unit.spaceId !== current.spaceId) {
      throw new HttpError(400, 'invalid', 'A user cannot move to another space', { unitId: 'other_space' });
    }
  }
  const { password, ...fields } = patch;
  const passwordHash = password ? await hashPassword(password, scryptN) : undefined;
  return db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, current.spaceId);
    const [updated] = await tx
      .update(users)
      .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), version, updatedAt: now })
      .where(eq(users.id, id))
      .returning();
    if (patch.disabled === true || passwordHash) await revokeAllTokens(tx, id, now);
    await writeAudit(tx, {
      at: now,
      action: 'admin.user_update',
      userId: actorId,
      spaceId: current.spaceId,
      entity: 'user',
      entityId: id,
      detail: { changed: Object.keys(patch), ...fields, passwordReset: Boolean(passwordHash) },
    });
    return updated!;
  });
}

async function findUnit(db: DbExecutor, unitId: string) {
  const [unit] = await db
    .select({ id: units.id, spaceId: units.spaceId, deleted: units.deleted })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit || unit.deleted) throw new HttpError(400, 'invalid', 'No such unit', { unitId: 'unknown' });
  return unit;
}
