import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_STORAGE_KEY } from '#client/app/profile-key.ts';
import { currentLocation, makeUser, renderApp, resetApp, serveApi } from './app-harness';

function fillIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('the sign-in page', () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('opens in Vietnamese by default, with labelled fields the browser can autofill', () => {
    serveApi({});
    renderApp('/login');
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(screen.getByLabelText('Tên đăng nhập').getAttribute('autocomplete')).toBe('username');
    const password = screen.getByLabelText('Mật khẩu');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByText(/dùng được cả khi không có mạng/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches its labels to English and remembers the choice', async () => {
    serveApi({});
    renderApp('/login');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('tlb.language')).toBe('en');
  });

  it('shows and hides the password on request', () => {
    serveApi({});
    renderApp('/login');
    fireEvent.click(screen.getByRole('button', { name: 'Hiện mật khẩu' }));
    expect(screen.getByLabelText('Mật khẩu').getAttribute('type')).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Ẩn mật khẩu' }));
    expect(screen.getByLabelText('Mật khẩu').getAttribute('type')).toBe('password');
  });

  it('asks for the missing fields without calling the server', () => {
    const api = serveApi({});
    renderApp('/login');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByText('Hãy nhập tên đăng nhập.')).toBeTruthy();
    expect(screen.getByText('Hãy nhập mật khẩu.')).toBeTruthy();
    expect(screen.getByLabelText('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toEqual([]);
  });

  it('explains a wrong password in words that say what to do', async () => {
    serveApi({
      'POST /api/auth/login': { status: 401, body: { error: { code: 'invalid_credentials', message: 'bad' } } },
    });
    renderApp('/login');
    fillIn('trainer.na', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Tên đăng nhập hoặc mật khẩu không đúng/);
    expect(localStorage.getItem(PROFILE_STORAGE_KEY)).toBeNull();
  });

  it('says to wait after too many attempts', async () => {
    serveApi({
      'POST /api/auth/login': { status: 429, body: { error: { code: 'rate_limited', message: 'slow down' } } },
    });
    renderApp('/login');
    fillIn('trainer.na', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toMatch(/đợi 15 phút/);
  });

  it('says there is no connection when the server cannot be reached', async () => {
    serveApi({});
    renderApp('/login');
    fillIn('trainer.na', 'demo1234');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Không có kết nối/);
  });

  it("signs in, remembers the profile, takes the user's language and opens their home", async () => {
    const user = makeUser({ locale: 'en' });
    const api = serveApi({ 'POST /api/auth/login': { status: 200, body: { user } } });
    renderApp('/login');
    fillIn('Trainer.NA ', 'demo1234');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions' })).toBeTruthy();
    expect(currentLocation.pathname).toBe('/sessions');
    expect(JSON.parse(localStorage.getItem(PROFILE_STORAGE_KEY) ?? 'null')).toEqual(user);
    expect(document.documentElement.lang).toBe('en');
    // Signing in makes one auth call; the sync engine starting afterwards is its own business.
    expect(api.calls.filter((call) => call.includes('/api/auth/'))).toEqual(['POST /api/auth/login']);
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy());
  });
});
