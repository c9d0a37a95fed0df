// The first load on a cheap phone over 2G: the JavaScript the sign-in page loads stays within 100 KiB
// gzip, and none of it is the router, zod, Dexie or workbox-window: they come after sign-in, or when
// someone starts typing (the sign-in request), never before the form can be used.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../support/browser';

const BUDGET_BYTES = 100 * 1024;
/** The page itself fits TCP's first round trip (an initial window of ten segments, about 14 KiB). */
const PAGE_BUDGET_BYTES = 14 * 1024;
const fixture = useServerAndBrowser();

describe('the sign-in page', () => {
  it('paints from the page alone: within 14 KiB gzip, no stylesheet or script to fetch first', async () => {
    const html = await (await fetch(`${fixture.server.url}/login`)).text();
    const outsideTemplate = html.replace(/<template id="app-code">[\s\S]*?<\/template>/, '');
    console.log(`sign-in page: ${(gzipSync(html).length / 1024).toFixed(1)} KiB gzip`);
    expect(gzipSync(html).length).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    const stylesheets = outsideTemplate.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? [];
    expect(stylesheets.filter((link) => !/\sdisabled/.test(link))).toEqual([]);
    expect(outsideTemplate).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).toMatch(/<template id="app-code"><script type="module"/);
  });

  it('loads at most 100 KiB of gzipped JavaScript, without the router, zod, Dexie or workbox-window', async () => {
    const { page } = fixture.browser;
    const scripts = new Map<string, number>();
    const sizing: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      sizing.push(
        response.body().then(
          (body) => void scripts.set(new URL(response.url()).pathname, gzipSync(body).length),
          () => undefined,
        ),
      );
    });
    await page.goto(`${fixture.server.url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /đăng nhập/i }).waitFor();
    await Promise.all(sizing);
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    console.log(
      `sign-in JS: ${scripts.size} files, ${(total / 1024).toFixed(1)} KiB gzip: ${[...scripts.keys()].join(' ')}`,
    );
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    expect([...scripts.keys()].filter((path) => /\/(router|zod|dexie|workbox-window)[-.]/.test(path))).toEqual([]);
  });

  it('still signs in, fetching the rest on demand', async () => {
    const { page } = fixture.browser;
    await page.getByLabel('Tên đăng nhập').fill('trainer.na');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.waitForURL((url) => url.pathname === '/sessions');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Buổi tập huấn' }).waitFor();
  });
});
