// The database going away (docs/api.md errors): a PostgreSQL that does not answer gives 503 `unavailable`
// with Retry-After, never a 500; and a real server process, under sync load, survives its private
// PostgreSQL cluster's fast and immediate shutdowns, answers 503 meanwhile, serves again by itself once
// the database is back, and loses nothing it acknowledged.
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/app';
import { openDatabase, MEMORY_DATA_DIR } from '#server/db/connect';
import type { Database } from '#server/db/database';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { createPrivateCluster, freePort, type PrivateCluster } from '../support/private-postgres';
import { startServer, waitFor, type Started } from '../support/server-process';
import { CSRF_HEADERS, createTestClock, createTestConfig } from '../support/test-app';
import { participantArgs } from './sync/sync-fixtures';

describe('a database that does not answer', () => {
  let database: Database;
  beforeAll(async () => {
    // Nothing listens on this port: every connection attempt is refused, as while PostgreSQL restarts.
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`;
    database = await openDatabase({ dataDir: MEMORY_DATA_DIR, databaseUrl: url });
  });
  afterAll(() => database.close());

  it('answers 503 unavailable with Retry-After on every endpoint that needs it, never 500', async () => {
    const app = createApp({
      db: database.db,
      dbKind: database.kind,
      clock: createTestClock(),
      config: createTestConfig(),
    });
    const cookie = { Cookie: 'tlb_session=abc' };
    const requests: [string, RequestInit][] = [
      ['/api/health', {}],
      ['/api/auth/login', { method: 'POST', body: JSON.stringify({ username: 'trainer.na', password: 'x' }) }],
      ['/api/auth/me', { headers: cookie }],
      [
        '/api/sync/pull',
        { method: 'POST', body: JSON.stringify({ clientId: uuidv7(), cursor: null }), headers: cookie },
      ],
      ['/api/reports/summary', { headers: cookie }],
    ];
    for (const [path, init] of requests) {
      const headers = {
        ...CSRF_HEADERS,
        'Content-Type': 'application/json',
        ...(init.headers as Record<string, string>),
      };
      const response = await app.request(path, { ...init, headers });
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
      expect(response.headers.get('Retry-After')).toBe('5');
      expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    }
  });
});

/** A device pushing participants one batch at a time, as the app does: a batch not answered 200 goes again. */
class LoadDevice {
  clientId = uuidv7();
  nextId = 1;
  acknowledged: string[] = [];
  statuses = new Map<number, number>();
  networkErrors = 0;
  rejections = 0;
  private pending: { id: number; participantId: string }[] = [];
  private stopped = false;
  private done: Promise<void> | undefined;

  constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  start(): void {
    this.stopped = false;
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.pending.length === 0) {
        this.pending = Array.from({ length: 5 }, () => ({ id: this.nextId++, participantId: uuidv7() }));
      }
      const mutations = this.pending.map(({ id, participantId }) => ({
        id,
        name: 'participant.put',
        args: participantArgs(participantId, { fullName: `Người ${id}` }),
        clientAt: new Date().toISOString(),
      }));
      try {
        const response = await fetch(`${this.base}/api/sync/push`, {
          method: 'POST',
          headers: { ...CSRF_HEADERS, 'Content-Type': 'application/json', Cookie: this.cookie },
          body: JSON.stringify({ clientId: this.clientId, mutations }),
        });
        this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
        const body = (await response.json()) as { results?: { status: string }[] };
        if (response.status === 200) {
          this.rejections += body.results?.filter((r) => r.status !== 'applied').length ?? 0;
          this.acknowledged.push(...this.pending.map((p) => p.participantId));
          this.pending = [];
        } else {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } catch {
        this.networkErrors += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}

async function signIn(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { ...CSRF_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0]!;
}

const postgresTargets = process.env.TEST_DATABASE_URL ? ['postgres'] : [];

for (const kind of postgresTargets) {
  describe(`a server process on ${kind} whose database shuts down under sync load`, () => {
    let cluster: PrivateCluster;
    let server: Started;
    let base: string;
    const devices: LoadDevice[] = [];

    beforeAll(async () => {
      cluster = await createPrivateCluster();
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('create database logbook');
      await admin.end();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = startServer({
        DATABASE_URL: cluster.url.replace(/\/postgres$/, '/logbook'),
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      await waitFor(() => server.output().includes('Training Logbook ready at'), 'the ready line', 90_000);
      for (const username of ['trainer.na', 'trainer.lc', 'trainer.na'])
        devices.push(new LoadDevice(base, await signIn(base, username)));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(devices.map((device) => device.stop()));
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      cluster.remove();
    });

    for (const mode of ['fast', 'immediate'] as const) {
      it(`survives pg_ctl stop -m ${mode}, answers 503 meanwhile, recovers by itself and loses nothing acknowledged`, async () => {
        for (const device of devices) device.start();
        const before = devices.map((d) => d.acknowledged.length);
        await waitFor(
          () => devices.every((d, i) => d.acknowledged.length >= before[i]! + 10),
          'pushes before the shutdown',
        );

        cluster.stop(mode);
        const duringOutage = await fetch(`${base}/api/auth/me`, { headers: { Cookie: 'tlb_session=x' } });
        expect(duringOutage.status).toBe(503);
        expect(duringOutage.headers.get('Retry-After')).toBe('5');
        expect(await duringOutage.json()).toMatchObject({ error: { code: 'unavailable' } });
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(server.child.exitCode).toBeNull();
        const acknowledgedBefore = devices.map((d) => d.acknowledged.length);

        cluster.start();
        const backAt = Date.now();
        await waitFor(
          async () => (await fetch(`${base}/api/health`)).status === 200,
          'health after the restart',
          30_000,
        );
        expect(Date.now() - backAt).toBeLessThan(10_000);
        await waitFor(
          () => devices.every((d, i) => d.acknowledged.length >= acknowledgedBefore[i]! + 10),
          'pushes after the restart',
        );
        await Promise.all(devices.map((device) => device.stop()));

        expect(server.child.exitCode).toBeNull();
        for (const device of devices) {
          expect(device.statuses.get(503) ?? 0).toBeGreaterThan(0);
          expect([...device.statuses.keys()].sort()).toEqual([200, 503]);
          expect(device.networkErrors).toBe(0);
          expect(device.rejections).toBe(0);
        }
        expect(server.output()).not.toContain('unhandled error');

        const check = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/logbook') });
        await check.connect();
        try {
          const ids = devices.flatMap((d) => d.acknowledged);
          expect(new Set(ids).size).toBe(ids.length);
          const { rows } = await check.query<{ id: string; copies: string }>(
            'select id, count(*) as copies from participants where id = any($1::uuid[]) group by id',
            [ids],
          );
          expect(rows.length).toBe(ids.length);
          expect(rows.every((row) => Number(row.copies) === 1)).toBe(true);
        } finally {
          await check.end();
        }
        // The next round starts fresh devices' loops again on the same server process.
        for (const device of devices) device.statuses.clear();
      }, 180_000);
    }
  });
}
