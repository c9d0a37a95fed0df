import { fireEvent, screen, waitFor } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogbookDb } from '#client/db/database.ts';
import { PENDING_LOGOUT_KEY } from '#client/app/pending-logout.ts';
import { putParticipant, putPhoto, putSession } from '#client/db/local-writes.ts';
import { newParticipant, newSession } from '../db/fixtures';
import { currentLocation, renderApp, resetApp, serveApi } from '../shell/app-harness';
import { signedInTrainer } from './sync-harness';

describe('signing out', () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('warns with the real number of changes not on the server, and keeps them on the device', async () => {
    const { user, db, network } = signedInTrainer();
    network.offline = true;
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    await putParticipant(db, newParticipant());
    renderApp('/settings');

    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByText(/Máy này còn 3 thay đổi chưa có trên máy chủ\./)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Đăng xuất' })[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(currentLocation.pathname).toBe('/login');

    const reopened = new LogbookDb(user.id);
    expect(await reopened.outbox.count()).toBe(3);
    reopened.close();
  });

  it('says so when everything has been sent', async () => {
    signedInTrainer();
    renderApp('/settings');
    await screen.findByRole('link', { name: /^Đã đồng bộ/ });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByText(/Mọi thay đổi đã được gửi lên máy chủ\./)).toBeTruthy();
  });

  it('does not say everything was sent while an image is only on this phone', async () => {
    const { db, network } = signedInTrainer();
    network.server.refusePhotos = { status: 503, code: 'unavailable' };
    const session = newSession();
    await putSession(db, session);
    await putPhoto(
      db,
      {
        id: uuidv7(),
        sessionId: session.id,
        mime: 'image/jpeg',
        bytes: 2,
        sha256: 'a'.repeat(64),
        width: 1,
        height: 1,
      },
      new Uint8Array([1, 2]).buffer,
    );
    renderApp('/settings');
    // The session and the photo's details reach the server; the image does not.
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));

    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByText(/Máy này còn 1 thay đổi chưa có trên máy chủ\./)).toBeTruthy();
    expect(screen.queryByText(/Mọi thay đổi đã được gửi lên máy chủ\./)).toBeNull();
  });

  it('ends the server session when the network returns after signing out offline', async () => {
    const { network } = signedInTrainer();
    network.offline = true;
    renderApp('/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Đăng xuất' })[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(network.logouts).toBe(0);
    expect(localStorage.getItem(PENDING_LOGOUT_KEY)).not.toBeNull();

    network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(network.logouts).toBe(1));
    await waitFor(() => expect(localStorage.getItem(PENDING_LOGOUT_KEY)).toBeNull());
  });

  it('ends a session left over from an offline sign-out at the next start', async () => {
    localStorage.setItem(PENDING_LOGOUT_KEY, '1');
    const api = serveApi({ 'POST /api/auth/logout': { status: 204 } });
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    await waitFor(() => expect(api.calls).toEqual(['POST /api/auth/logout']));
    await waitFor(() => expect(localStorage.getItem(PENDING_LOGOUT_KEY)).toBeNull());
  });
});
