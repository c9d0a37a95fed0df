import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putParticipant, putSession } from '#client/db/local-writes.ts';
import { setLanguage } from '#client/i18n.ts';
import { newParticipant, newSession } from '../db/fixtures';
import { renderApp, resetApp } from '../shell/app-harness';
import { signedInTrainer } from './sync-harness';

const chip = (name: RegExp | string) => screen.findByRole('link', { name });

describe('the sync chip', () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('says when everything was last synced, with the time', async () => {
    signedInTrainer();
    renderApp('/sessions');
    const link = await chip(/^Đã đồng bộ \d{2}:\d{2}$/);
    expect(link.getAttribute('href')).toBe('/sync');
  });

  it('counts the changes not yet sent, in words and with each language’s plural rules', async () => {
    const { db, network } = signedInTrainer();
    network.server.failWith = { status: 503, code: 'unavailable' };
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    renderApp('/sessions');
    await chip('2 thay đổi chưa gửi');

    await setLanguage('en');
    await chip('2 unsent changes');
    await putParticipant(db, newParticipant());
    await chip('3 unsent changes');
  });

  it('uses the singular in English for one change', async () => {
    const { db, network } = signedInTrainer();
    network.server.failWith = { status: 503, code: 'unavailable' };
    await putSession(db, newSession());
    await setLanguage('en');
    renderApp('/sessions');
    await chip('1 unsent change');
  });

  it('says "Ngoại tuyến" without a network, and still how many changes wait', async () => {
    const { db, network } = signedInTrainer();
    network.offline = true;
    await putSession(db, newSession());
    await putSession(db, newSession());
    renderApp('/sessions');
    const link = await chip('Ngoại tuyến, 2 thay đổi chưa gửi');
    expect(link.textContent).toContain('Ngoại tuyến');
    expect(link.textContent).toContain('2');
  });

  it('says "Đang đồng bộ…" while a sync is running', async () => {
    const { network } = signedInTrainer();
    network.holdPulls();
    renderApp('/sessions');
    await chip('Đang đồng bộ…');
    network.releasePulls();
    await chip(/^Đã đồng bộ/);
  });

  it('turns red with "Cần xử lý 1" and an icon when the server refuses a change', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = (m) =>
      m.name === 'session.put' ? { code: 'session_locked', message: 'locked' } : undefined;
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    renderApp('/sessions');
    const link = await chip('Cần xử lý 1');
    expect(link.className).toContain('chip--attention');
    expect(link.querySelector('svg')).not.toBeNull();
    // The participant went through all the same.
    await waitFor(async () => expect(await db.participants.toArray()).toMatchObject([{ pending: false }]));
  });

  it('asks to sign in again on a 401, keeps every change, and syncs again after signing in', async () => {
    const { db, network } = signedInTrainer();
    network.server.failWith = { status: 401, code: 'unauthorized' };
    const session = newSession();
    await putSession(db, session);
    renderApp('/sessions');
    await chip('Cần đăng nhập lại');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.sessions.get(session.id)).toBeDefined();

    network.server.failWith = null;
    fireEvent.click(await screen.findByRole('link', { name: 'Đăng nhập lại' }));
    fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: 'trainer.na' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'demo1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    await chip(/^Đã đồng bộ/);
    expect(network.server.row('session', session.id)).toMatchObject({ id: session.id });
    expect(await db.outbox.count()).toBe(0);
  });
});
