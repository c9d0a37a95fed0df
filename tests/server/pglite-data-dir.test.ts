// PGlite on disk: data survives a restart, and one process at a time holds a data directory (server.lock).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { openDatabase } from '#server/db/connect';
import { migrateDatabase } from '#server/db/migrate';
import { users } from '#server/db/schema';
import { seedDemo } from '#server/seed/demo';
import { TEST_SCRYPT_N } from '../support/test-app';

const now = new Date('2026-11-22T03:00:00.000Z');

describe('PGlite on disk', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tlb-data-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data across a restart', async () => {
    const first = await openDatabase({ dataDir, databaseUrl: undefined });
    await migrateDatabase(first);
    expect(await seedDemo(first.db, { now, scryptN: TEST_SCRYPT_N })).toBe(true);
    await first.close();
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);

    const second = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      await migrateDatabase(second);
      const names = await second.db.select({ username: users.username }).from(users).orderBy(users.username);
      expect(names.map((u) => u.username)).toEqual([
        'admin',
        'organiser.lc',
        'organiser.na',
        'trainer.lc',
        'trainer.na',
      ]);
      expect(await seedDemo(second.db, { now, scryptN: TEST_SCRYPT_N })).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('refuses a second holder of the data directory while the first holds it', async () => {
    const holder = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      expect(readFileSync(join(dataDir, 'server.lock'), 'utf8')).toBe(String(process.pid));
      await expect(openDatabase({ dataDir, databaseUrl: undefined })).rejects.toThrow(
        /Another Training Logbook server is using DATA_DIR/,
      );
    } finally {
      await holder.close();
    }
  });

  it('refuses the data directory while another live process holds its lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'server.lock'), String(other.pid));
      await expect(openDatabase({ dataDir, databaseUrl: undefined })).rejects.toThrow(`(pid ${other.pid})`);
    } finally {
      other.kill();
      rmSync(join(dataDir, 'server.lock'), { force: true });
    }
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(dataDir, 'server.lock'), String(gone.pid));
    const database = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      expect(readFileSync(join(dataDir, 'server.lock'), 'utf8')).toBe(String(process.pid));
      const [row] = await database.db.select({ n: count() }).from(users);
      expect(row?.n).toBe(5);
    } finally {
      await database.close();
    }
  });
});
