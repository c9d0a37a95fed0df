import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { LogbookDb } from '#client/db/database.ts';
import { rememberUser, renderApp, resetApp, serveApi } from '../shell/app-harness';
import { deleteTrainerDb, openTrainerDb, seedSession, trainer } from '../participants/seed';

const slow = { timeout: 5000 };

async function seedPhoto(db: LogbookDb, sessionId: string, bytes: number, caption?: string) {
  const id = uuidv7();
  await db.photos.put({
    id,
    sessionId,
    mime: 'image/jpeg',
    bytes,
    sha256: 'a'.repeat(64),
    width: 1600,
    height: 1200,
    caption: caption ?? null,
    version: 1,
    pending: false,
    rejected: false,
  });
  await db.photoBlobs.put({ id, bytes: new Uint8Array(bytes).buffer, mime: 'image/jpeg', uploaded: true });
  return id;
}

async function openPhotos(sessionId: string) {
  rememberUser(trainer);
  serveApi({});
  renderApp(`/sessions/${sessionId}/photos`);
  await screen.findByRole('heading', { level: 1, name: 'Ảnh' }, slow);
  await waitFor(() => expect(screen.queryByText('Đang tải…')).toBeNull(), slow);
}

describe('the photos screen', () => {
  beforeEach(async () => {
    await resetApp();
    await deleteTrainerDb();
  });
  afterEach(resetApp);

  it('shows each photo from the device with its size after resizing', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await seedPhoto(db, session.id, 250 * 1024, 'Thảo luận nhóm');
    await seedPhoto(db, session.id, 180 * 1024);
    await openPhotos(session.id);

    const grid = screen.getByRole('list', { name: 'Ảnh của buổi tập huấn' });
    const images = await within(grid).findAllByRole('img');
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['Thảo luận nhóm', 'Ảnh 2 của buổi tập huấn']);
    await waitFor(() => expect(images[0]?.getAttribute('src')).toMatch(/^blob:/));
    expect(within(grid).getByText(/Sau khi thu nhỏ: 250 kB, 1600 × 1200/)).toBeTruthy();
    const camera = screen.getByLabelText('Chụp ảnh');
    expect([camera.getAttribute('type'), camera.getAttribute('accept'), camera.getAttribute('capture')]).toEqual([
      'file',
      'image/*',
      'environment',
    ]);
    expect(screen.getByLabelText('Chọn ảnh').hasAttribute('capture')).toBe(false);
  });

  it('saves an edited caption as a photo.put', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    const id = await seedPhoto(db, session.id, 100 * 1024);
    await openPhotos(session.id);

    const caption = screen.getByLabelText('Chú thích ảnh 1');
    fireEvent.change(caption, { target: { value: 'Học viên ký danh sách' } });
    fireEvent.blur(caption);

    expect(await screen.findByText('Đã lưu chú thích')).toBeTruthy();
    expect(await db.photos.get(id)).toMatchObject({ caption: 'Học viên ký danh sách' });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        name: 'photo.put',
        args: expect.objectContaining({ id, caption: 'Học viên ký danh sách' }),
      }),
    ]);
  });

  it('deletes a photo only after confirmation', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await seedPhoto(db, session.id, 100 * 1024);
    await openPhotos(session.id);

    fireEvent.click(screen.getByRole('button', { name: 'Xoá ảnh 1' }));
    expect(await db.photos.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Xoá ảnh' }));

    expect(await screen.findByText('Buổi này chưa có ảnh nào.')).toBeTruthy();
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['photo.delete']);
  });

  it('offers no picker, caption editing or deletion on an approved session', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db, { status: 'approved' });
    await seedPhoto(db, session.id, 100 * 1024, 'Lễ khai mạc');
    await openPhotos(session.id);

    expect(screen.getByText('Lễ khai mạc')).toBeTruthy();
    expect(screen.queryByLabelText('Chụp ảnh')).toBeNull();
    expect(screen.queryByLabelText('Chú thích ảnh 1')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Xoá ảnh 1' })).toBeNull();
  });
});
