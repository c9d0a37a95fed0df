// `npm run restore -- FILE`: puts a backup back. Stop the server first.
// Embedded database: replaces DATA_DIR/pglite with the backup (the old directory is kept beside it,
// renamed); refuses while a server holds DATA_DIR. PostgreSQL (DATABASE_URL set): `pg_restore --clean
// --if-exists` into that database, in one transaction. Devices notice at their next sync (docs/sync.md: a
// 409 `out_of_order` and a pull reset) and send again what the restored database lacks of their outbox.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { restoreEmbedded } from '../db/embedded-backup';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const file = process.argv[2];
  if (!file || !existsSync(file)) throw new Error('Usage: npm run restore -- BACKUP_FILE (an existing file)');
  if (config.databaseUrl) {
    const args = [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.databaseUrl}`,
      resolve(file),
    ];
    const run = spawnSync('pg_restore', args, { stdio: 'inherit' });
    if (run.error || run.status !== 0) throw new Error(`pg_restore failed${run.error ? `: ${run.error.message}` : ''}`);
    console.log(`Restored ${file} into the PostgreSQL database`);
    return;
  }
  const keptAside = await restoreEmbedded(config.dataDir, resolve(file));
  console.log(`Restored ${file} into ${resolve(config.dataDir, 'pglite')}`);
  if (keptAside) console.log(`The database it replaced is kept in ${keptAside}; delete it when satisfied.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
