// Backups of the embedded database (PGlite in DATA_DIR/pglite). A backup is PGlite's own dump of its
// data directory, a gzipped tar, taken after a checkpoint while no query runs (PGlite's query lock): a
// consistent copy while the server keeps serving — what a committed transaction wrote is in it, and a
// transaction still open is rolled back when the copy is opened, as after a power cut. Restoring puts the dump in place of DATA_DIR/pglite (the old directory is
// kept beside it, renamed) while no server holds the directory. PostgreSQL uses pg_dump / pg_restore.
import { existsSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';

/** The dump, after a checkpoint so that opening it replays little. */
export async function dumpEmbedded(client: PGlite): Promise<Uint8Array> {
  await client.exec('CHECKPOINT');
  const dump = await client.dumpDataDir('gzip');
  return new Uint8Array(await dump.arrayBuffer());
}

/** Writes next to the target and renames: a backup file is whole or absent, never half written. */
export function writeWhole(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, target);
}

/**
 * Replaces DATA_DIR/pglite with the backup's contents. Takes the data directory's lock, so it refuses
 * while a server runs there. Returns where the replaced directory was moved (undefined if there was none).
 */
export async function restoreEmbedded(
  dataDir: string,
  backupFile: string,
  now = new Date(),
): Promise<string | undefined> {
  const lock = lockDataDir(dataDir);
  try {
    const dump = readFileSync(backupFile);
    const live = join(dataDir, 'pglite');
    let keptAside: string | undefined;
    if (existsSync(live)) {
      keptAside = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(live, keptAside);
    }
    try {
      const client = new PGlite(live, { loadDataDir: new Blob([dump]) });
      await client.waitReady;
      await client.query('select 1');
      await client.close();
    } catch (error) {
      if (keptAside) renameSync(keptAside, live);
      throw error;
    }
    return keptAside;
  } finally {
    lock.release();
  }
}
