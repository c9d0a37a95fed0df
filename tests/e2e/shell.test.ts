// The installable offline shell in real Chromium: sign in, go offline, reload, still signed in.
import { describe, expect, it } from 'vitest';
import { signIn, useServerAndBrowser, waitForServiceWorker } from '../support/browser';

const fixture = useServerAndBrowser();

describe('the offline shell', () => {
  it('opens the signed-in app after going offline and reloading', async () => {
    const { page, context } = fixture.browser;
    await signIn(page, fixture.server.url, 'trainer.na');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.url()).not.toContain('/login');
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('button', { name: /đăng nhập/i }).count()).toBe(0);
    await context.setOffline(false);
  });

  it('reports no installability errors', async () => {
    const { page, context } = fixture.browser;
    await page.goto(fixture.server.url);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(installabilityErrors).toEqual([]);
  });
});
