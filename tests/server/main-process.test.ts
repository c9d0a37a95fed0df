// The real server process: it starts on a free port, refuses a second process on the same data directory
// with a clear message, and stops cleanly on SIGTERM, releasing the lock. `npm start` runs the compiled
// server with plain node, and a SIGTERM to npm alone (what docker stop or systemd send) ends the whole tree.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(tsx, ['src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tlb-main-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves, refuses a second process on its data directory, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const first = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    running.push(first.child);
    await waitFor(() => first.output().includes('Training Logbook ready at'), 'the ready line');
    expect(first.output()).toContain(`Training Logbook ready at http://localhost:${port} (database: pglite)`);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

    const second = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' });
    running.push(second.child);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('Another Training Logbook server is using DATA_DIR');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
  });
});

/** The command lines of the processes still in a process group. */
function groupMembers(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'args=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // ps exits 1 when no process matches
  }
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tlb-npm-start-'));
  let npm: ChildProcess | undefined;
  afterAll(() => {
    if (npm?.pid && groupMembers(npm.pid).length > 0) process.kill(-npm.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the compiled server with plain node, and a SIGTERM to npm ends the whole tree with the lock removed', async () => {
    const port = await freePort();
    // Its own process group, as under a supervisor, so the test can see every process npm started.
    npm = spawn('npm', ['start'], {
      cwd: repoRoot,
      detached: true,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm!.on('exit', (code) => resolve(code)));
    await waitFor(() => output.includes('Training Logbook ready at'), 'the ready line', 240_000);
    const pgid = npm.pid!;

    const members = groupMembers(pgid);
    expect(members.some((args) => args.includes('node scripts/start.mjs'))).toBe(true);
    expect(members.join('\n')).not.toContain('tsx');
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    process.kill(pgid, 'SIGTERM');
    expect(await exited).toBe(0);
    await waitFor(() => groupMembers(pgid).length === 0, 'every process of the tree to end', 15_000);
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
  }, 300_000);
});
