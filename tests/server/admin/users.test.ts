// /api/admin/users: an admin creates an account that can sign in, edits it, resets its password and
// disables it (its sign-ins stop working at once); every change is versioned for pull and audited; password
// hashes never leave the server. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { adminUserSchema, usersListSchema, type AdminUser } from '#domain/schemas/admin';
import { auditLog, spaces, units, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';

describe.each(databaseTargets)('admin users on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let conCuong: { id: string; spaceId: string };
  let apatit: { id: string; spaceId: string };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.login('admin');
    const unit = async (shortName: string) =>
      (await t.db.select().from(units).where(eq(units.shortName, shortName)))[0]!;
    conCuong = await unit('CĐCS THPT Con Cuông');
    apatit = await unit('CĐCS Apatit Việt Nam');
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>) =>
    t.request('/api/admin/users', { method: 'POST', json: body, cookie: admin });
  const patch = (id: string, body: Record<string, unknown>) =>
    t.request(`/api/admin/users/${id}`, { method: 'PATCH', json: body, cookie: admin });
  const me = (cookie: string) => t.request('/api/auth/me', { cookie });
  const newTrainer = async (username: string): Promise<AdminUser> => {
    const response = await create({
      username,
      displayName: 'Vi Thị Lan',
      role: 'trainer',
      unitId: conCuong.id,
      password: 'mat-khau-moi-1',
    });
    expect(response.status).toBe(201);
    return adminUserSchema.parse(((await response.json()) as { user: unknown }).user);
  };

  it('creates a user in the unit’s space who can then sign in', async () => {
    const user = await newTrainer('vi.lan');
    expect(user).toMatchObject({
      username: 'vi.lan',
      displayName: 'Vi Thị Lan',
      role: 'trainer',
      unitId: conCuong.id,
      spaceId: conCuong.spaceId,
      locale: 'vi',
      disabled: false,
    });
    const cookie = await t.login('vi.lan', 'mat-khau-moi-1');
    expect(((await (await me(cookie)).json()) as { user: { username: string } }).user.username).toBe('vi.lan');
  });

  it('gives the new row the space’s newest version, so devices pull it, and audits the creation', async () => {
    const user = await newTrainer('vu.mai');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    const [space] = await t.db.select().from(spaces).where(eq(spaces.id, conCuong.spaceId));
    expect(row!.version).toBe(space!.version);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.user_create'), eq(auditLog.entityId, user.id)));
    expect(entry!.detail).toEqual({ username: 'vu.mai', role: 'trainer', unitId: conCuong.id });
    expect(JSON.stringify(entry!.detail)).not.toContain('mat-khau');
  });

  it('refuses a taken username with 409 conflict', async () => {
    const response = await create({
      username: 'trainer.na',
      displayName: 'X',
      role: 'trainer',
      unitId: conCuong.id,
      password: 'abcdefgh',
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'conflict', fields: { username: 'taken' } } });
  });

  it('refuses an invalid body field by field', async () => {
    const response = await create({
      username: 'A B',
      displayName: '',
      role: 'boss',
      unitId: conCuong.id,
      password: 'short',
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('lists users without password hashes, narrowed to a space on request', async () => {
    const all = await t.request('/api/admin/users', { cookie: admin });
    const text = await all.text();
    expect(text).not.toMatch(/passwordHash|scrypt\$/);
    const { users: everyone } = usersListSchema.parse(JSON.parse(text));
    expect(everyone.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'organiser.lc', 'trainer.na']));
    const laoCai = usersListSchema.parse(
      await (await t.request(`/api/admin/users?spaceId=${apatit.spaceId}`, { cookie: admin })).json(),
    );
    expect(laoCai.users.map((u) => u.username).sort()).toEqual(['organiser.lc', 'trainer.lc']);
  });

  it('disabling a user ends their sign-ins at once and refuses new ones', async () => {
    const user = await newTrainer('lo.hanh');
    const cookie = await t.login('lo.hanh', 'mat-khau-moi-1');
    expect((await me(cookie)).status).toBe(200);
    const response = await patch(user.id, { disabled: true });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: AdminUser }).user.disabled).toBe(true);
    expect((await me(cookie)).status).toBe(401);
    const again = await t.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'lo.hanh', password: 'mat-khau-moi-1' },
      cookie: null,
    });
    expect(again.status).toBe(401);
    expect((await patch(user.id, { disabled: false })).status).toBe(200);
    expect((await t.login('lo.hanh', 'mat-khau-moi-1')).length).toBeGreaterThan(0);
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const user = await newTrainer('ha.thu');
    const cookie = await t.login('ha.thu', 'mat-khau-moi-1');
    expect((await patch(user.id, { password: 'mat-khau-khac-2' })).status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    const old = await t.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'ha.thu', password: 'mat-khau-moi-1' },
      cookie: null,
    });
    expect(old.status).toBe(401);
    await t.login('ha.thu', 'mat-khau-khac-2');
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.user_update'), eq(auditLog.entityId, user.id)));
    expect(entry!.detail).toEqual({ changed: ['password'], passwordReset: true });
  });

  it('changes role, name and locale, and keeps a user inside their space', async () => {
    const user = await newTrainer('sung.pao');
    const promoted = await patch(user.id, { role: 'organiser', displayName: 'Sùng Thị Pào', locale: 'en' });
    expect(((await promoted.json()) as { user: AdminUser }).user).toMatchObject({
      role: 'organiser',
      displayName: 'Sùng Thị Pào',
      locale: 'en',
    });
    const moved = await patch(user.id, { unitId: apatit.id });
    expect(moved.status).toBe(400);
    expect(await moved.json()).toMatchObject({ error: { code: 'invalid', fields: { unitId: 'other_space' } } });
  });

  it('will not let an admin disable or demote themselves', async () => {
    const { user } = (await (await me(admin)).json()) as { user: { id: string } };
    expect((await patch(user.id, { disabled: true })).status).toBe(400);
    expect((await patch(user.id, { role: 'trainer' })).status).toBe(400);
    expect((await me(admin)).status).toBe(200);
  });

  it('answers 404 for an unknown user and 400 for an empty patch', async () => {
    expect((await patch('01900000-0000-7000-8000-000000000000', { locale: 'vi' })).status).toBe(404);
    const { user } = (await (await me(admin)).json()) as { user: { id: string } };
    expect(await (await patch(user.id, {})).json()).toMatchObject({ error: { code: 'invalid' } });
  });

  it('lets no organiser or trainer list users', async () => {
    for (const username of ['organiser.na', 'trainer.na']) {
      const cookie = await t.login(username);
      const response = await t.request('/api/admin/users', { cookie });
      expect(response.status).toBe(403);
    }
  });
});
