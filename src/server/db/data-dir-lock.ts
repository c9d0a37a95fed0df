// One server process per PGlite data directory (docs/architecture.md §4): DATA_DIR/server.lock holds the owner's pid.
// A lock whose pid is no longer running is stale (a crash, a kill -9) and is taken over. A process that
// exits without closing the database (a shutdown past its time limit, process.exit) still removes it.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Training Logbook server is using DATA_DIR ${dataDir} (pid ${pid}). ` +
        'Stop it first, or set DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release: () => void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      const onExit = () => releaseIfOurs(path);
      process.on('exit', onExit);
      return {
        release: () => {
          process.off('exit', onExit);
          releaseIfOurs(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(path);
    if (holder !== undefined && isRunning(holder)) throw new DataDirLockedError(dir, holder);
    removeStale(path);
  }
  throw new Error(`Could not take the lock ${path}`);
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeStale(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function releaseIfOurs(path: string): void {
  if (readPid(path) === process.pid) removeStale(path);
}
