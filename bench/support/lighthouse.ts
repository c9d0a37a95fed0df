// Lighthouse (the npm package, mobile defaults: simulated slow 4G and a 4× CPU) driving Debian's Chromium over
// its DevTools port. The browser keeps a persistent profile, so an audit can keep a signed-in user's storage
// (`keepStorage`), and can be started again on it (`restart`: the app opened cold, as from the home screen);
// Lighthouse otherwise clears it first. Used by bench/lighthouse.ts and bench/lighthouse-ab.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH, PHONE, freePort, signIn, syncChip } from '../../tests/support/browser';

export type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

export interface AuditBrowser {
  context: BrowserContext;
  /** The DevTools port Lighthouse drives. */
  port: number;
  /** The browser closed and started again on the same profile: the app opened cold, its storage kept. */
  restart: () => Promise<AuditBrowser>;
  close: () => Promise<void>;
}

export async function openAuditBrowser(
  profile = mkdtempSync(join(tmpdir(), 'tlb-bench-lighthouse-')),
): Promise<AuditBrowser> {
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: [...CHROME_ARGS, `--remote-debugging-port=${port}`],
    viewport: PHONE,
    locale: 'vi-VN',
  });
  return {
    context,
    port,
    async restart() {
      await context.close();
      return openAuditBrowser(profile);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs `username` in and waits for the first sync, so that an audit with `keepStorage` opens the signed-in app. */
export async function signInAndSync(browser: AuditBrowser, baseUrl: string, username = 'trainer.na'): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await signIn(page, baseUrl, username);
  await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 60_000 });
  await page.goto('about:blank');
}

export async function runLighthouse(
  browser: AuditBrowser,
  url: string,
  options: { categories: readonly string[]; keepStorage: boolean },
): Promise<LighthouseResult> {
  const result = await lighthouse(url, {
    port: browser.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...options.categories],
    disableStorageReset: options.keepStorage,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError)
    throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  return result.lhr;
}
