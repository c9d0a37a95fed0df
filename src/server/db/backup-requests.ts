// A running server takes embedded-database backups on request: only it may open its PGlite directory.
// `npm run backup` writes the target path to DATA_DIR/backup.request and sends the server SIGUSR2 (its pid
// is in the lock file); the server writes the dump there and answers with backup.done (or backup.failed
// and the reason), which the command waits for. Local and file-based: no HTTP endpoint, no credentials.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from '../log';
import { dumpEmbedded, writeWhole } from './embedded-backup';

export const backupFiles = (dataDir: string) => ({
  request: join(dataDir, 'backup.request'),
  done: join(dataDir, 'backup.done'),
  failed: join(dataDir, 'backup.failed'),
});

/** Installs the SIGUSR2 handler; returns a function that removes it. */
export function answerBackupRequests(client: PGlite, dataDir: string, logger: Logger): () => void {
  const files = backupFiles(dataDir);
  let busy = false;
  const onSignal = () => {
    if (busy || !existsSync(files.request)) return;
    busy = true;
    void (async () => {
      const target = readFileSync(files.request, 'utf8').trim();
      try {
        const started = Date.now();
        const dump = await dumpEmbedded(client);
        writeWhole(target, dump);
        writeFileSync(files.done, target);
        logger.info('backup written', { file: target, bytes: dump.byteLength, ms: Date.now() - started });
      } catch (error) {
        writeFileSync(files.failed, error instanceof Error ? error.message : String(error));
        logger.error('backup failed', { file: target, error: String(error) });
      } finally {
        rmSync(files.request, { force: true });
        busy = false;
      }
    })();
  };
  process.on('SIGUSR2', onSignal);
  return () => process.off('SIGUSR2', onSignal);
}
