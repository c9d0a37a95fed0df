// `npm run backup [-- FILE]`: a consistent backup while the server runs (or not).
// Embedded database: asks the server that holds DATA_DIR for a dump (backup-requests.ts), or takes it
// itself when no server runs there. PostgreSQL (DATABASE_URL set): runs `pg_dump --format=custom`.
// Default file: backups/logbook-<time>.tar.gz (embedded) or .dump (PostgreSQL).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../config';
import { backupFiles } from '../db/backup-requests';
import { lockDataDir } from '../db/data-dir-lock';
import { dumpEmbedded, writeWhole } from '../db/embedded-backup';

const WAIT_MS = 10 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(process.argv[2] ?? `backups/logbook-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
  if (config.databaseUrl) {
    const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl], {
      stdio: 'inherit',
    });
    if (run.error || run.status !== 0) throw new Error(`pg_dump failed${run.error ? `: ${run.error.message}` : ''}`);
  } else {
    const serverPid = runningServer(config.dataDir);
    if (serverPid) await askServer(config.dataDir, serverPid, target);
    else await dumpDirectly(config.dataDir, target);
  }
  console.log(`Backup written to ${target}`);
}

function runningServer(dataDir: string): number | undefined {
  const lockFile = resolve(dataDir, 'server.lock');
  if (!existsSync(lockFile)) return undefined;
  const pid = Number(readFileSync(lockFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // a stale lock: nobody runs there
  }
}

async function askServer(dataDir: string, pid: number, target: string): Promise<void> {
  const files = backupFiles(resolve(dataDir));
  rmSync(files.done, { force: true });
  rmSync(files.failed, { force: true });
  writeFileSync(files.request, target);
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (existsSync(files.failed))
      throw new Error(`The server could not write the backup: ${readFileSync(files.failed, 'utf8')}`);
    if (existsSync(files.done) && readFileSync(files.done, 'utf8') === target) {
      rmSync(files.done, { force: true });
      return;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The server (pid ${pid}) did not answer the backup request in time`);
}

async function dumpDirectly(dataDir: string, target: string): Promise<void> {
  const lock = lockDataDir(dataDir);
  try {
    const client = new PGlite(resolve(dataDir, 'pglite'));
    await client.waitReady;
    try {
      writeWhole(target, await dumpEmbedded(client));
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
