import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { LogbookDb } from '#client/db/database.ts';
import { freshDb } from './fixtures';

const image = () => new Uint8Array([1, 2, 3]).buffer;

describe("where a photo's image stands", () => {
  it('is kept on every write, so waiting and refused images are found from the index', async () => {
    const db = freshDb();
    await db.photoBlobs.bulkPut([
      { id: 'a', bytes: image(), mime: 'image/jpeg', uploaded: false },
      { id: 'b', bytes: image(), mime: 'image/jpeg', uploaded: true },
    ]);
    const waiting = () => db.photoBlobs.where('uploadState').equals('waiting').primaryKeys();
    const refused = () => db.photoBlobs.where('uploadState').equals('refused').primaryKeys();
    expect(await waiting()).toEqual(['a']);

    await db.photoBlobs.update('a', { error: 'checksum_mismatch' });
    expect([await waiting(), await refused()]).toEqual([[], ['a']]);
    await db.photoBlobs.update('a', { error: undefined });
    expect([await waiting(), await refused()]).toEqual([['a'], []]);
    await db.photoBlobs.put({ id: 'a', bytes: image(), mime: 'image/jpeg', uploaded: true });
    expect(await waiting()).toEqual([]);
  });

  it('is filled in for the images of a database made before it was kept', async () => {
    const userId = uuidv7();
    const old = new Dexie(`tlb-${userId}`);
    old.version(2).stores({ photoBlobs: 'id', meta: 'key' });
    await old.table('photoBlobs').bulkAdd([
      { id: 'waiting', bytes: image(), mime: 'image/png', uploaded: false },
      { id: 'refused', bytes: image(), mime: 'image/png', uploaded: false, error: 'too_large' },
      { id: 'done', bytes: image(), mime: 'image/png', uploaded: true },
    ]);
    old.close();

    const db = new LogbookDb(userId);
    expect(await db.photoBlobs.where('uploadState').equals('waiting').primaryKeys()).toEqual(['waiting']);
    expect(await db.photoBlobs.where('uploadState').equals('refused').primaryKeys()).toEqual(['refused']);
    db.close();
  });
});
