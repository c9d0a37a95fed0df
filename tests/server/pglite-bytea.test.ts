// bytea on PGlite (src/server/db/pglite-bytea.ts): bytes go in as a binary parameter, handed over untouched,
// and come back as a Buffer equal to them; a backup of the data directory and its restore keep them, and the
// stored value is the same bytea PostgreSQL's own functions see (length and digest computed by the database).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/connect';
import { dumpEmbedded, restoreEmbedded, writeWhole } from '#server/db/embedded-backup';
import { pgliteByteaOptions } from '#server/db/pglite-bytea';

const bytes = Buffer.concat([Buffer.from(Uint8Array.from({ length: 1024 }, (_, i) => i % 256)), randomBytes(200_000)]);
const sha256 = createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlb-bytea-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('bytea on PGlite', () => {
  it('passes the bytes through to the bind untouched (no hex string made in JS) and reads hex back into a Buffer', () => {
    expect(pgliteByteaOptions.serializers[types.BYTEA](bytes)).toBe(bytes);
    expect(() => pgliteByteaOptions.serializers[types.BYTEA]('not bytes')).toThrow(TypeError);
    const parsed = pgliteByteaOptions.parsers[types.BYTEA]('\\x00ff5c78');
    expect(Buffer.isBuffer(parsed)).toBe(true);
    expect([...parsed]).toEqual([0x00, 0xff, 0x5c, 0x78]);
  });

  it('stores and reads every byte value, and keeps them through a backup and a restore', async () => {
    const dataDir = tempDir();
    const database = await openDatabase({ dataDir, databaseUrl: undefined });
    const backupFile = join(tempDir(), 'backup.tgz');
    try {
      await database.db.execute(sql`create table blobs (id int primary key, data bytea not null)`);
      await database.db.execute(sql`insert into blobs values (1, ${bytes}), (2, ${new Uint8Array(0)})`);
      const rows = await database.db.execute<{ data: Buffer; length: number; digest: string }>(
        sql`select data, octet_length(data) as length, encode(sha256(data), 'hex') as digest from blobs where id = 1`,
      );
      const [row] = rows.rows;
      expect(row!.length).toBe(bytes.byteLength);
      expect(row!.digest).toBe(sha256);
      expect(Buffer.compare(row!.data, bytes)).toBe(0);
      const empty = await database.db.execute<{ data: Buffer }>(sql`select data from blobs where id = 2`);
      expect(empty.rows[0]!.data.byteLength).toBe(0);
      writeWhole(backupFile, await dumpEmbedded(database.embedded!.client));
    } finally {
      await database.close();
    }

    const restoredDir = tempDir();
    await restoreEmbedded(restoredDir, backupFile);
    const restored = await openDatabase({ dataDir: restoredDir, databaseUrl: undefined });
    try {
      const rows = await restored.db.execute<{ data: Buffer }>(sql`select data from blobs where id = 1`);
      expect(Buffer.compare(rows.rows[0]!.data, bytes)).toBe(0);
    } finally {
      await restored.close();
    }
  });
});
