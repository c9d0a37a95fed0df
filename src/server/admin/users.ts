// /api/admin/users (admins only): list, create, update. A user belongs to its unit's space and stays in it.
// Disabling an account or resetting its password signs it out everywhere. Every write takes a version from
// the space counter (devices pull users) and is audited — without the password, of course.
import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { spaceFilterQuerySchema, userCreateRequestSchema, userUpdateRequestSchema } from '../../domain/schemas/admin';
import { writeAudit } from '../audit';
import { hashPassword } from '../auth/passwords';
import { requireUser } from '../auth/require-user';
import { revokeAllTokens } from '../auth/tokens';
import type { DbExecutor } from '../db/database';
import { units, users } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { isUniqueViolation, toAdminUser } from './records';

const usernameTaken = () => new HttpError(409, 'conflict', 'That username is taken', { username: 'taken' });

export function createUserRoutes({ db, clock, config }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('admin'));

  routes.get('/', async (c) => {
    const { spaceId } = readQuery(c, spaceFilterQuerySchema);
    const rows = await db.select().from(users)
      .where(spaceId ? eq(users.spaceId, spaceId) : undefined)
      .orderBy(asc(users.username));
    return c.json({ users: rows.filter((row) => !row.deleted).map(toAdminUser) });
  });

  routes.post('/', async (c) => {
    const body = await readJson(c, userCreateRequestSchema);
    const unit = await findUnit(db, body.unitId);
    const passwordHash = await hashPassword(body.password, config.scryptN);
    const now = clock.now();
    const me = c.get('user');
    try {
      const row = await db.transaction(async (tx) => {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username));
        if (taken) throw usernameTaken();
        const version = await nextSpaceVersion(tx, unit.spaceId);
        const [created] = await tx.insert(users).values({
          id: uuidv7(), username: body.username, displayName: body.displayName, role: body.role, unitId: unit.id,
          locale: body.locale, passwordHash, spaceId: unit.spaceId, version, createdAt: now, updatedAt: now,
        }).returning();
        await writeAudit(tx, {
          at: now, action: 'admin.user_create', userId: me.id, spaceId: unit.spaceId, entity: 'user', entityId: created!.id,
          detail: { username: body.username, role: body.role, unitId: unit.id },
        });
        return created!;
      });
      return c.json({ user: toAdminUser(row) }, 201);
    } catch (error) {
      throw isUniqueViolation(error) ? usernameTaken() : error;
    }
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'user');
    const patch = await readJson(c, userUpdateRequestSchema);
    const me = c.get('user');
    const [current] = await db.select().from(users).where(eq(users.id, id));
    if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such user');
    if (id === me.id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
      throw new HttpError(400, 'invalid', 'You cannot lock yourself out', { [patch.disabled ? 'disabled' : 'role']: 'self' });
    }
    if (patch.unitId && patch.unitId !== current.unitId) {
      const unit = await findUnit(db, patch.unitId);
      if (unit.spaceId !== current.spaceId) {
        throw new HttpError(400, 'invalid', 'A user cannot move to another space', { unitId: 'other_space' });
      }
    }
    const { password, ...fields } = patch;
    const passwordHash = password ? await hashPassword(password, config.scryptN) : undefined;
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, current.spaceId);
      const [updated] = await tx.update(users)
        .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), version, updatedAt: now })
        .where(eq(users.id, id))
        .returning();
      if (patch.disabled === true || passwordHash) await revokeAllTokens(tx, id, now);
      await writeAudit(tx, {
        at: now, action: 'admin.user_update', userId: me.id, spaceId: current.spaceId, entity: 'user', entityId: id,
        detail: { changed: Object.keys(patch), ...fields, passwordReset: Boolean(passwordHash) },
      });
      return updated!;
    });
    return c.json({ user: toAdminUser(row) });
  });

  return routes;
}

async function findUnit(db: DbExecutor, unitId: string) {
  const [unit] = await db.select({ id: units.id, spaceId: units.spaceId, deleted: units.deleted }).from(units).where(eq(units.id, unitId));
  if (!unit || unit.deleted) throw new HttpError(400, 'invalid', 'No such unit', { unitId: 'unknown' });
  return unit;
}
