import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_STORAGE_KEY } from '#client/app/profile-key.ts';
import { getUserDb } from '#client/db/database.ts';
import { currentLocation, makeUser, rememberUser, renderApp, resetApp, serveApi } from './app-harness';

const trainer = makeUser();
const organiser = makeUser({
  id: '0190a5b4-8c2e-7f00-8000-000000000002',
  username: 'organiser.na',
  role: 'organiser',
});
const admin = makeUser({ id: '0190a5b4-8c2e-7f00-8000-000000000003', username: 'admin', role: 'admin' });

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
  return [...nav.querySelectorAll('a')].map((link) => link.textContent ?? '');
}

describe('routes', () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('send a signed-out visitor to the sign-in page', async () => {
    serveApi({});
    renderApp('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/login');
  });

  it('send a trainer from / to their sessions, with the trainer navigation', async () => {
    rememberUser(trainer);
    serveApi({});
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Buổi tập huấn' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/sessions');
    expect(navLinks()).toEqual(['Buổi tập huấn', 'Người tham dự', 'Đồng bộ', 'Cài đặt']);
  });

  it('send an organiser from / to the review queue, loaded on demand', async () => {
    rememberUser(organiser);
    serveApi({});
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Duyệt buổi tập huấn' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/review');
    expect(navLinks()).toEqual(['Duyệt', 'Tổng hợp', 'Báo cáo', 'Kế hoạch', 'Người trùng lặp', 'Quản trị', 'Cài đặt']);
  });

  it('show the admin page to admins', async () => {
    rememberUser(admin);
    serveApi({});
    renderApp('/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quản trị' })).toBeTruthy();
    expect(navLinks()).toContain('Quản trị');
  });

  it('open the admin page to organisers, who manage the topics of their space there', async () => {
    rememberUser(organiser);
    serveApi({});
    renderApp('/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quản trị' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/admin');
  });

  it('keep a trainer out of organiser pages', async () => {
    rememberUser(trainer);
    serveApi({});
    renderApp('/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'Buổi tập huấn' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/sessions');
  });

  it('send a signed-in user away from /login to their home', async () => {
    rememberUser(trainer);
    serveApi({});
    renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Buổi tập huấn' })).toBeTruthy();
  });

  it('open a remembered profile with no network at all', async () => {
    rememberUser(trainer);
    const api = serveApi({});
    renderApp('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Buổi tập huấn' })).toBeTruthy();
    await waitFor(() => expect(api.calls).toContain('GET /api/auth/me'));
    expect(screen.queryByText(/Phiên đăng nhập đã hết hạn/)).toBeNull();
  });

  it('ask to sign in again when the server refuses the session, keeping the profile', async () => {
    rememberUser(trainer);
    serveApi({ 'GET /api/auth/me': { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } } });
    renderApp('/sessions');
    expect(await screen.findByText(/Phiên đăng nhập đã hết hạn/)).toBeTruthy();
    expect(localStorage.getItem(PROFILE_STORAGE_KEY)).not.toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Đăng nhập lại' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Tên đăng nhập').value).toBe('trainer.na');
  });

  it("sign out from settings without deleting the user's database", async () => {
    rememberUser(trainer);
    const api = serveApi({ 'POST /api/auth/logout': { status: 204 } });
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cài đặt' })).toBeTruthy();
    await getUserDb().meta.put({ key: 'lastSyncError', value: null });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(screen.getByText(/Những thay đổi chưa gửi vẫn nằm trên máy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(api.calls).toContain('POST /api/auth/logout');
    expect(localStorage.getItem(PROFILE_STORAGE_KEY)).toBeNull();
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).toContain(`tlb-${trainer.id}`);
  });
});
