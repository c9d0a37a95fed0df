import { fireEvent, screen, waitFor } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_STORAGE_KEY } from '#client/app/profile-key.ts';
import { putSession } from '#client/db/local-writes.ts';
import { getSyncSchedulerState, requestSync } from '#client/sync/scheduler.ts';
import type { User } from '#domain/schemas/auth';
import { newSession } from '../db/fixtures';
import { makeUser, renderApp, resetApp } from '../shell/app-harness';
import { signedInTrainer, type TestNetwork } from './sync-harness';

const someoneElse = () => makeUser({ id: uuidv7(), username: 'trainer.lc', displayName: 'Vàng A Sử' });
const pushes = (network: TestNetwork) => network.server.requests.filter((r) => r.path === '/api/sync/push').length;

/** Another tab of this browser signed in (or back in) as `user`. */
function otherTabSignsIn(user: User): void {
  const value = JSON.stringify(user);
  localStorage.setItem(PROFILE_STORAGE_KEY, value);
  window.dispatchEvent(new StorageEvent('storage', { key: PROFILE_STORAGE_KEY, newValue: value }));
}

describe("when the browser's session belongs to someone else", () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('stops syncing and asks to sign in again when /api/auth/me names another user', async () => {
    const { db, network } = signedInTrainer();
    network.me = someoneElse();
    renderApp('/sync');
    expect(await screen.findByText(/hãy đăng nhập lại để tiếp tục đồng bộ/)).toBeTruthy();
    const before = pushes(network);

    await putSession(db, newSession());
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng bộ ngay' }));
    // Resolves when the run the click started ends (at once when none started): nothing is left in flight.
    await requestSync();
    expect(getSyncSchedulerState().syncing).toBe(false);
    expect(pushes(network)).toBe(before);
    expect(await db.outbox.count()).toBe(1);
  });

  it('stops when another tab signs in as someone else, and resumes when it signs in as this user again', async () => {
    const { user, db, network } = signedInTrainer();
    renderApp('/sessions');
    await screen.findByRole('link', { name: /^Đã đồng bộ/ });

    otherTabSignsIn(someoneElse());
    expect(await screen.findByRole('link', { name: 'Cần đăng nhập lại' })).toBeTruthy();
    await putSession(db, newSession());
    // Resolves when the sync it asked for ends, or at once when the scheduler is stopped: nothing is left in flight.
    await requestSync();
    expect(getSyncSchedulerState().syncing).toBe(false);
    expect(pushes(network)).toBe(0);

    otherTabSignsIn(user);
    // The chip may still say "Đã đồng bộ" from before the pause: the emptied outbox is what proves the push.
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(pushes(network)).toBe(1);
    await screen.findByRole('link', { name: /^Đã đồng bộ/ });
  });

  it("pauses on the server's 403, keeps every change, and syncs again once this user signs in", async () => {
    const { user, db, network } = signedInTrainer();
    network.server.signedInAs = uuidv7();
    const session = newSession();
    await putSession(db, session);
    renderApp('/sessions');
    expect(await screen.findByRole('link', { name: 'Cần đăng nhập lại' })).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
    expect(network.server.appliedCount).toBe(0);

    network.server.signedInAs = user.id;
    fireEvent.click(await screen.findByRole('link', { name: 'Đăng nhập lại' }));
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'demo1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    await screen.findByRole('link', { name: /^Đã đồng bộ/ });
    expect(network.server.row('session', session.id)).toMatchObject({ id: session.id });
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
  });
});
