// "Ready to use offline" is a promise: before a first successful sign-in the app cannot open offline, so
// no service worker is registered and nothing says it can — not on the sign-in page, not after a wrong
// password. After the sign-in the service worker installs and the note appears.
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../support/browser';

const fixture = useServerAndBrowser();
const readyNote = /sẵn sàng dùng khi không có mạng/;

describe('the offline-ready note', () => {
  it('appears only after a first successful sign-in', async () => {
    const { page } = fixture.browser;
    await page.goto(`${fixture.server.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('trainer.na');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor();
    // Long enough for a service worker to install and announce itself, had one been registered.
    await page.waitForTimeout(3000);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.getByText(readyNote).count()).toBe(0);

    await page.getByLabel('Mật khẩu', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.waitForURL((url) => url.pathname === '/sessions');
    await page.getByText(readyNote).waitFor({ timeout: 30_000 });
  });
});
