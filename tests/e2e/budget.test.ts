// The first load on a cheap phone over 2G: the JavaScript the sign-in page loads stays under 200 KB gzip.
// Organiser screens and the administrative-units table must arrive later, by dynamic import.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../support/browser';

const BUDGET_BYTES = 200 * 1024;
const fixture = useServerAndBrowser();

describe('the sign-in page', () => {
  it('loads at most 200 KB of gzipped JavaScript', async () => {
    const { page } = fixture.browser;
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => null);
      if (body) scripts.set(response.url(), gzipSync(body).length);
    });
    await page.goto(`${fixture.server.url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /đăng nhập/i }).waitFor();
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    console.log(`sign-in JS: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzip`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
