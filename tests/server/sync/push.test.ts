// The push protocol (docs/sync.md) through the HTTP API: exactly once, in order, one transaction, one version.
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { mutationResults, sessions, syncClients } from '#server/db/schema';
import { createTestApp, CSRF_HEADERS, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { completeSession, signIn, spaceVersion, topicIdsOf, wire, type Actor } from './sync-fixtures';

describe.each(databaseTargets)('push on %s', (kind) => {
  let t: TestApp;
  let trainer: Actor;
  let topicId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    trainer = await signIn(t, 'trainer.na');
    [topicId] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
  });
  afterAll(async () => {
    await t.close();
  });

  const sessionCopies = async (id: string) =>
    (await t.db.select({ n: count() }).from(sessions).where(eq(sessions.id, id)))[0]!.n;

  it('applies a new session and answers only { id, status } for it', async () => {
    const id = uuidv7();
    const body = await trainer.push(['session.put', completeSession(id, topicId)]);
    expect(body).toEqual({
      lastMutationId: trainer.nextId - 1,
      results: [{ id: trainer.nextId - 1, status: 'applied' }],
    });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row).toMatchObject({
      trainerId: trainer.user.id,
      unitId: trainer.user.unitId,
      status: 'draft',
      title: completeSession(id, topicId).title,
    });
  });

  it('keeps the device’s clock of the create and of the last submit, not of later edits, and pulls it', async () => {
    const id = uuidv7();
    const at = (n: number, name: string, args: unknown, clientAt: string) => ({ ...wire(n, name, args), clientAt });
    const first = trainer.nextId;
    trainer.nextId += 3;
    const response = await trainer.pushRaw([
      at(first, 'session.put', completeSession(id, topicId), '2026-11-18T01:15:00.000Z'),
      at(first + 1, 'session.put', { id, notes: 'Mưa to' }, '2026-11-18T03:00:00.000Z'),
      at(first + 2, 'session.submit', { id }, '2026-11-19T10:40:00+07:00'),
    ]);
    expect(response.status).toBe(200);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row?.createdClientAt?.toISOString()).toBe('2026-11-18T01:15:00.000Z');
    expect(row?.submittedClientAt?.toISOString()).toBe('2026-11-19T03:40:00.000Z');
    // The server's own instants stay the server's.
    expect(row?.submittedAt?.getTime()).toBeGreaterThan(Date.parse('2026-11-19T03:40:00.000Z'));
    const { changes } = await trainer.pullAll(null);
    const pulled = changes.find((c) => c.entity === 'session' && c.id === id);
    expect(pulled?.data).toMatchObject({
      createdClientAt: '2026-11-18T01:15:00.000Z',
      submittedClientAt: '2026-11-19T03:40:00.000Z',
      status: 'submitted',
    });
  });

  it('answers a push whose response was lost with the same results, leaving one copy and no new version', async () => {
    const id = uuidv7();
    const batch = [
      wire(trainer.nextId, 'session.put', completeSession(id, topicId)),
      wire(trainer.nextId + 1, 'session.submit', { id }),
    ];
    trainer.nextId += 2;
    const first = await trainer.pushRaw(batch);
    const firstBody = await first.json();
    const versionAfterFirst = await spaceVersion(t, trainer.user.spaceId);
    const [rowAfterFirst] = await t.db.select().from(sessions).where(eq(sessions.id, id));

    const again = await trainer.pushRaw(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(firstBody);
    expect(await sessionCopies(id)).toBe(1);
    expect(await spaceVersion(t, trainer.user.spaceId)).toBe(versionAfterFirst);
    const [rowAfterReplay] = await t.db.select().from(sessions).where(eq(sessions.id, id));
    expect(rowAfterReplay).toEqual(rowAfterFirst);
  });

  it('refuses a gap with 409 out_of_order, telling lastMutationId, and writes nothing of the request', async () => {
    const id = uuidv7();
    const before = await trainer.pull(null);
    const [client] = await t.db.select().from(syncClients).where(eq(syncClients.clientId, trainer.clientId));
    const response = await trainer.pushRaw([
      wire(trainer.nextId, 'session.put', completeSession(id, topicId)),
      wire(trainer.nextId + 2, 'session.submit', { id }),
    ]);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: 'out_of_order',
        message: expect.any(String),
        fields: { lastMutationId: String(client!.lastMutationId) },
      },
    });
    expect(await sessionCopies(id)).toBe(0);
    const [after] = await t.db.select().from(syncClients).where(eq(syncClients.clientId, trainer.clientId));
    expect(after!.lastMutationId).toBe(client!.lastMutationId);
    expect((await trainer.pull(null)).lastMutationId).toBe(before.lastMutationId);
  });

  it('reports a refused mutation in the middle of a batch with its code, applies the rest and consumes its id', async () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const first = trainer.nextId;
    const body = await trainer.push(
      ['session.put', completeSession(a, topicId)],
      ['session.put', completeSession(uuidv7(), topicId, { endDate: '2026-11-01' })],
      ['session.put', completeSession(b, topicId)],
    );
    expect(body.lastMutationId).toBe(first + 2);
    expect(body.results).toEqual([
      { id: first, status: 'applied' },
      {
        id: first + 1,
        status: 'rejected',
        error: { code: 'invalid', message: expect.any(String), fields: { endDate: 'end_before_start' } },
      },
      { id: first + 2, status: 'applied' },
    ]);
    expect(await sessionCopies(a)).toBe(1);
    expect(await sessionCopies(b)).toBe(1);
    const replay = await trainer.pushRaw([wire(first + 1, 'session.put', {})]);
    expect((await replay.json()).results).toEqual([body.results[1]]);
  });

  it('gives every row one push writes the same new version of the space', async () => {
    const before = await spaceVersion(t, trainer.user.spaceId);
    const [a, b] = [uuidv7(), uuidv7()];
    await trainer.push(['session.put', completeSession(a, topicId)], ['session.put', completeSession(b, topicId)]);
    const rows = await t.db
      .select({ version: sessions.version })
      .from(sessions)
      .where(eq(sessions.spaceId, trainer.user.spaceId));
    const version = await spaceVersion(t, trainer.user.spaceId);
    expect(version).toBe(before + 1);
    expect(rows.filter((r) => r.version === version)).toHaveLength(2);
  });

  it('rejects an unknown mutation name as invalid and still consumes its id', async () => {
    const result = await trainer.one('toString', { id: uuidv7() });
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid', fields: { name: 'unknown_mutation' } },
    });
    expect((await trainer.one('__proto__', {})).status).toBe('rejected');
    expect((await trainer.pull(null)).lastMutationId).toBe(trainer.nextId - 1);
  });

  it('binds a client id to its first user: another user presenting it gets 403 forbidden', async () => {
    const other = await signIn(t, 'trainer.lc');
    const response = await other.pushRaw([wire(1, 'session.put', { id: uuidv7() })], trainer.clientId);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    const pull = await t.request('/api/sync/pull', {
      method: 'POST',
      json: { clientId: trainer.clientId, cursor: null },
      cookie: other.cookie,
    });
    expect(pull.status).toBe(403);
  });

  it('refuses a push or pull that names another user than the cookie, binding and applying nothing', async () => {
    const other = await signIn(t, 'trainer.lc');
    const freshClient = uuidv7();
    const id = uuidv7();
    const push = await t.request('/api/sync/push', {
      method: 'POST',
      cookie: other.cookie,
      json: {
        clientId: freshClient,
        userId: trainer.user.id,
        mutations: [wire(1, 'session.put', completeSession(id, topicId))],
      },
    });
    expect(push.status).toBe(403);
    expect(await push.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await sessionCopies(id)).toBe(0);
    expect(await t.db.select().from(syncClients).where(eq(syncClients.clientId, freshClient))).toEqual([]);
    const pull = await t.request('/api/sync/pull', {
      method: 'POST',
      cookie: other.cookie,
      json: { clientId: freshClient, userId: trainer.user.id, cursor: null },
    });
    expect(pull.status).toBe(403);
    const own = await t.request('/api/sync/pull', {
      method: 'POST',
      cookie: other.cookie,
      json: { clientId: freshClient, userId: other.user.id, cursor: null },
    });
    expect(own.status).toBe(200);
  });

  it('answers 413 too_large past 500 mutations, and 400 invalid for a malformed request', async () => {
    const many = Array.from({ length: 501 }, (_, i) => wire(i + 1, 'session.delete', { id: uuidv7() }));
    const tooMany = await trainer.pushRaw(many);
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ error: { code: 'too_large' } });
    const malformed = await trainer.pushRaw([{ id: 0, name: 'session.put', args: {}, clientAt: 'yesterday' }]);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'invalid', fields: { 'mutations.0.id': 'too_small' } },
    });
  });

  it('accepts a gzip body and compresses its answer for a client that accepts gzip', async () => {
    const id = uuidv7();
    const body = gzipSync(
      JSON.stringify({
        clientId: trainer.clientId,
        mutations: [wire(trainer.nextId++, 'session.put', completeSession(id, topicId))],
      }),
    );
    const response = await t.app.request('/api/sync/push', {
      method: 'POST',
      body,
      headers: {
        ...CSRF_HEADERS,
        Cookie: trainer.cookie,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Accept-Encoding': 'gzip',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    const answer = JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8'));
    expect(answer.results).toEqual([{ id: trainer.nextId - 1, status: 'applied' }]);
    expect(await sessionCopies(id)).toBe(1);
  });

  it('stores one result per consumed id and refuses to push without signing in', async () => {
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(mutationResults)
      .where(eq(mutationResults.clientId, trainer.clientId))) as [{ n: number }];
    expect(n).toBe(trainer.nextId - 1);
    const anonymous = await t.request('/api/sync/push', {
      method: 'POST',
      json: { clientId: uuidv7(), mutations: [] },
      cookie: null,
    });
    expect(anonymous.status).toBe(401);
  });
});
