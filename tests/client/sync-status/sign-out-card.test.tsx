import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogbookDb } from '../../../src/client/db/database';
import { putParticipant, putSession } from '../../../src/client/db/local-writes';
import { newParticipant, newSession } from '../db/fixtures';
import { currentLocation, renderApp, resetApp } from '../shell/app-harness';
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
});
