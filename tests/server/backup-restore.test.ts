// `npm run backup` and `npm run restore`: a backup taken while the server runs and serves holds what
// was written before it and nothing after; restored (with the server stopped), the server starts on it.
// Embedded database through the running server; PostgreSQL through pg_dump and pg_restore.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { freePort } from '../support/private-postgres';
import { repoRoot, startServer, waitFor, type Started } from '../support/server-process';
import { CSRF_HEADERS } from '../support/test-app';
import { participantArgs } from './sync/sync-fixtures';

const json = { ...CSRF_HEADERS, 'Content-Type': 'application/json' };
const execFileAsync = promisify(execFile);
/** Every server started here, so a failed test leaves none running. */
const started: Started[] = [];
afterAll(() => {
  // SIGTERM, which tsx passes on: a SIGKILL would end tsx and orphan the server process under it.
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGTERM');
});

/** Runs an npm script without blocking this process's event loop (its keep-alive sockets stay current). */
async function npmRun(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await execFileAsync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return stdout;
}

/** A running server and a trainer's device pushing participants to it. */
async function serve(env: Record<string, string>) {
  const port = await freePort();
  const server = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  started.push(server);
  await waitFor(() => server.output().includes('Training Logbook ready at'), 'the ready line', 90_000);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'trainer.na', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  return {
    server,
    async put(clientId: string, id: number, participantId: string) {
      const response = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { ...json, Cookie: cookie },
        body: JSON.stringify({
          clientId,
          mutations: [
            { id, name: 'participant.put', args: participantArgs(participantId), clientAt: new Date().toISOString() },
          ],
        }),
      });
      expect(response.status).toBe(200);
    },
    async participantIds(): Promise<string[]> {
      const ids: string[] = [];
      for (let cursor: string | null = null; ;) {
        const response = await fetch(`${base}/api/sync/pull`, {
          method: 'POST',
          headers: { ...json, Cookie: cookie },
          body: JSON.stringify({ clientId: uuidv7(), cursor }),
        });
        const page = (await response.json()) as {
          changes: { entity: string; id: string }[];
          cursor: string;
          hasMore: boolean;
        };
        ids.push(...page.changes.filter((c) => c.entity === 'participant').map((c) => c.id));
        if (!page.hasMore) return ids;
        cursor = page.cursor;
      }
    },
  };
}

async function stop(server: Started): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

describe('backup and restore of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlb-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up while the server runs, and restores with the server stopped', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const backup = join(dir, 'backups', 'logbook.tar.gz');
    const clientId = uuidv7();
    const [before, after] = [uuidv7(), uuidv7()];

    const first = await serve(env);
    await first.put(clientId, 1, before);
    expect(await npmRun('backup', [backup], env)).toContain(`Backup written to ${backup}`);
    await first.put(clientId, 2, after);
    expect(await first.participantIds()).toEqual(expect.arrayContaining([before, after]));

    // A restore refuses while the server holds the data directory.
    await expect(npmRun('restore', [backup], env)).rejects.toThrow();
    await stop(first.server);
    expect(await npmRun('restore', [backup], env)).toContain('Restored');
    expect(readdirSync(env.DATA_DIR).some((name) => name.startsWith('pglite.before-restore-'))).toBe(true);

    const second = await serve(env);
    const ids = await second.participantIds();
    expect(ids).toContain(before);
    expect(ids).not.toContain(after);
    await stop(second.server);
  }, 300_000);

  it('backs up with no server running too', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const backup = join(dir, 'offline.tar.gz');
    expect(await npmRun('backup', [backup], env)).toContain('Backup written');
    expect(existsSync(backup)).toBe(true);
    expect(existsSync(join(env.DATA_DIR, 'server.lock'))).toBe(false);
  }, 120_000);
});

const postgresTargets = process.env.TEST_DATABASE_URL ? ['postgres'] : [];

for (const kind of postgresTargets) {
  describe(`backup and restore on ${kind} with pg_dump and pg_restore`, () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `tlb_backup_${uuidv7().replace(/-/g, '').slice(-12)}`;
    const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
    const dir = mkdtempSync(join(tmpdir(), 'tlb-pg-backup-'));
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    afterAll(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores what the dump held and nothing written after it', async () => {
      await admin(`create database ${name}`);
      const env = { DATABASE_URL: url };
      const backup = join(dir, 'logbook.dump');
      const clientId = uuidv7();
      const [before, after] = [uuidv7(), uuidv7()];

      const first = await serve(env);
      await first.put(clientId, 1, before);
      expect(await npmRun('backup', [backup], env)).toContain('Backup written');
      await first.put(clientId, 2, after);
      await stop(first.server);
      await npmRun('restore', [backup], env);

      const second = await serve(env);
      const ids = await second.participantIds();
      expect(ids).toContain(before);
      expect(ids).not.toContain(after);
      await stop(second.server);
    }, 300_000);
  });
}
