// Saving as you type, in real Chromium against the real server: what the trainer typed survives the
// tab being closed or its renderer crashing straight after, with no wait for "Đã lưu".
// The kill comes a thumb's reaction time (250 ms) after the last keystroke, because no web page can
// make anything durable in less than one IndexedDB write (10–40 ms measured here): that is the
// window this product promises. Saving only after a 300 ms pause in typing fails these tests.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, useServerAndBrowser } from '../support/browser';

const REACTION_MS = 250;

const fixture = useServerAndBrowser();
let page: Page;

beforeAll(async () => {
  await signIn(fixture.browser.page, fixture.server.url, 'trainer.na');
});

/** Each test works in a fresh tab of the same profile, so IndexedDB is shared with the reopened tab. */
beforeEach(async () => {
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}/sessions`);
});

async function startNewSession(): Promise<string> {
  await page.getByRole('link', { name: 'Buổi mới' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByLabel('Tên buổi').waitFor();
  return page.url();
}

async function typeTitleAndPlace(title: string, place: string): Promise<void> {
  await page.getByLabel('Tên buổi').fill(title);
  await page.getByLabel('Địa điểm').fill(place);
  await page.waitForTimeout(REACTION_MS); // not waiting for the app: "Đã lưu" is never looked at
}

async function reopen(url: string): Promise<Page> {
  const fresh = await fixture.browser.context.newPage();
  await fresh.goto(url);
  await fresh.getByLabel('Tên buổi').waitFor();
  return fresh;
}

describe('the session editor in a real browser', () => {
  it('keeps the title and the place when the tab is closed right after typing', async () => {
    const url = await startNewSession();
    await typeTitleAndPlace('Tập huấn bình đẳng giới ở bản Khe Rạn', 'Nhà văn hoá bản Khe Rạn');
    await page.close(); // abrupt: no beforeunload

    const again = await reopen(url);
    await expect.poll(() => again.getByLabel('Tên buổi').inputValue()).toBe('Tập huấn bình đẳng giới ở bản Khe Rạn');
    expect(await again.getByLabel('Địa điểm').inputValue()).toBe('Nhà văn hoá bản Khe Rạn');
    await again.close();
  });

  it('keeps what was typed when the tab crashes right after typing', async () => {
    const url = await startNewSession();
    await typeTitleAndPlace('Truyền thông phòng, chống bạo lực gia đình', 'Hội trường UBND xã Con Cuông');
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    const cdp = await fixture.browser.context.newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined); // the renderer dies; the call never answers
    await crashed;

    const again = await reopen(url);
    await expect
      .poll(() => again.getByLabel('Tên buổi').inputValue())
      .toBe('Truyền thông phòng, chống bạo lực gia đình');
    expect(await again.getByLabel('Địa điểm').inputValue()).toBe('Hội trường UBND xã Con Cuông');
    await again.close();
  });
});
