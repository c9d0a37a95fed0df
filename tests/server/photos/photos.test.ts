// Photo images (docs/sync.md, docs/api.md): uploaded after their metadata, verified by sha256, idempotent, and readable
// by whoever's pull scope holds the photo.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { photoBlobs } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { completeSession, signIn, topicIdsOf, type Actor } from '../sync/sync-fixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(databaseTargets)('photos on %s', (kind) => {
  let t: TestApp;
  let trainer: Actor;
  let sessionId: string;
  // A JPEG's signature, then noise: the server checks the first bytes against the type, not the rest.
  const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...randomBytes(50_000)]);

  beforeAll(async () => {
    t = await createTestApp({ kind });
    trainer = await signIn(t, 'trainer.na');
    const [topicId] = (await topicIdsOf(t, trainer.user.spaceId)) as [string];
    sessionId = uuidv7();
    await trainer.push(['session.put', completeSession(sessionId, topicId)]);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (actor: Actor, id: string, bytes: Uint8Array<ArrayBuffer>, type = 'image/jpeg') =>
    t.request(`/api/photos/${id}`, {
      method: 'PUT',
      body: bytes,
      headers: { 'Content-Type': type },
      cookie: actor.cookie,
    });
  const get = (actor: Actor, id: string) => t.request(`/api/photos/${id}`, { cookie: actor.cookie });
  const newPhoto = async (bytes: Uint8Array = image) => {
    const id = uuidv7();
    const result = await trainer.one('photo.put', {
      id,
      sessionId,
      mime: 'image/jpeg',
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
      width: 800,
      height: 600,
      caption: 'Lớp học',
    });
    expect(result.status).toBe('applied');
    return id;
  };
  const blobCount = async () => (await t.db.select({ n: count() }).from(photoBlobs))[0]!.n;

  it('answers 404 not_found for an image whose metadata has not been applied yet', async () => {
    const response = await put(trainer, uuidv7(), image);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('stores the image after its metadata, and answers a repeat upload the same without a second copy', async () => {
    const id = await newPhoto();
    const first = await put(trainer, id, image);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toEqual({ id, bytes: image.byteLength, sha256: sha256(image) });
    const blobs = await blobCount();
    const again = await put(trainer, id, image);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    expect(await blobCount()).toBe(blobs);
  });

  it('refuses bytes that do not match the metadata with 400 checksum_mismatch, storing nothing', async () => {
    const id = await newPhoto();
    const tampered = new Uint8Array(image);
    tampered[10] = (tampered[10]! + 1) % 256;
    const blobs = await blobCount();
    const response = await put(trainer, id, tampered);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'checksum_mismatch' } });
    expect((await put(trainer, id, image.slice(0, 100))).status).toBe(400);
    expect(await blobCount()).toBe(blobs);
  });

  it("refuses other image types, bytes that are not their declared type, over-large bodies and uploads by anyone but the photo's trainer", async () => {
    const id = await newPhoto();
    expect((await put(trainer, id, image, 'text/html')).status).toBe(415);
    expect((await put(trainer, id, image, 'image/png')).status).toBe(400);
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    const disguised = await put(trainer, id, html);
    expect(disguised.status).toBe(400);
    expect(await disguised.json()).toMatchObject({ error: { code: 'invalid', fields: { mime: 'mismatch' } } });
    expect((await put(trainer, id, new Uint8Array(2 * 1024 * 1024 + 1))).status).toBe(413);
    const organiser = await signIn(t, 'organiser.na');
    const refused = await put(organiser, id, image);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('serves the image to the trainer and to an organiser of the subtree, privately cached, and refuses the other province', async () => {
    const id = await newPhoto();
    expect((await put(trainer, id, image)).status).toBe(200);
    for (const username of ['trainer.na', 'organiser.na', 'admin']) {
      const response = await get(await signIn(t, username), id);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('image/jpeg');
      expect(response.headers.get('Cache-Control')).toMatch(/^private/);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(image);
    }
    for (const username of ['organiser.lc', 'trainer.lc']) {
      const response = await get(await signIn(t, username), id);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await get(trainer, 'not-a-uuid')).status).toBe(404);
  });

  it('keeps every byte value: the stored column and the served image are the uploaded bytes exactly', async () => {
    // Each of the 256 byte values (NUL, `\\`, `x`, high bytes) in every position a hex or escape form could trip on.
    const everyByte = Uint8Array.from({ length: 256 * 4 }, (_, i) => i % 256);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...everyByte, ...randomBytes(300_000), 0x00, 0x5c, 0x78]);
    const id = await newPhoto(bytes);
    expect((await put(trainer, id, bytes)).status).toBe(200);
    const [stored] = await t.db.select().from(photoBlobs).where(eq(photoBlobs.photoId, id));
    expect(stored!.data.byteLength).toBe(bytes.byteLength);
    expect(Buffer.compare(Buffer.from(stored!.data), Buffer.from(bytes))).toBe(0);
    const served = new Uint8Array(await (await get(trainer, id)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(served), Buffer.from(bytes))).toBe(0);
  });

  it("drops the image with its photo's tombstone", async () => {
    const id = await newPhoto();
    expect((await put(trainer, id, image)).status).toBe(200);
    expect((await trainer.one('photo.delete', { id })).status).toBe('applied');
    expect((await get(trainer, id)).status).toBe(404);
    expect(await t.db.select().from(photoBlobs).where(eq(photoBlobs.photoId, id))).toEqual([]);
  });
});
