// Restoring an older backup under a device that keeps working: the backup is taken while the server
// runs; after it the device has a session the server acknowledged but whose pull never came (its outbox
// entry is kept), and one written while the server was down (unsent). The server is stopped, the backup
// restored, the server started again on the same address: the device meets 409 `out_of_order`, sends
// again from the restored position, and ends with every session on the server exactly once and nothing
// refused. (A device whose cursor is ahead of the restored database also gets a pull reset; here its last
// pull was before the backup.)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, type Change } from '#domain/schemas/sync';
import { launchBrowser, readOutbox, signIn, startServer, syncChip, waitForServiceWorker } from '../support/browser';

const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'training-logbook' };

async function serverSessions(url: string): Promise<Change[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'trainer.na', password: 'demo1234' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  const changes: Change[] = [];
  for (let cursor: string | null = null; ;) {
    const response = await fetch(`${url}/api/sync/pull`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ clientId: crypto.randomUUID(), cursor }),
    });
    const page = pullResponseSchema.parse(await response.json());
    changes.push(...page.changes);
    if (!page.hasMore) return changes.filter((c) => c.entity === 'session' && !c.deleted);
    cursor = page.cursor;
  }
}

async function newSession(page: Page, url: string, title: string): Promise<void> {
  await page.goto(`${url}/sessions/new`);
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByLabel('Tên buổi').fill(title);
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
}

function npmRun(script: string, args: string[], dataDir: string): void {
  execFileSync('npm', ['run', '--silent', script, '--', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'pipe',
    timeout: 120_000,
  });
}

describe('restoring an older backup', () => {
  it('leaves a device with acknowledged and unsent work whole: nothing lost, nothing twice, nothing refused', async () => {
    let server = await startServer();
    const browser = await launchBrowser();
    const stamp = Date.now().toString(36);
    const titles = {
      backedUp: `Trước sao lưu ${stamp}`,
      acknowledged: `Đã nhận ${stamp}`,
      unsent: `Chưa gửi ${stamp}`,
    };
    try {
      const { page } = browser;
      const answered = { outOfOrder: 0 };
      page.on('response', (response) => {
        if (response.url().endsWith('/api/sync/push') && response.status() === 409) answered.outOfOrder += 1;
      });
      await signIn(page, server.url, 'trainer.na');
      await waitForServiceWorker(page);
      await newSession(page, server.url, titles.backedUp);
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor();
      const backup = join(server.dataDir, '..', `${stamp}-backup.tar.gz`);
      npmRun('backup', [backup], server.dataDir);

      // Acknowledged after the backup: the push is answered, the pull that would drop its entry never is.
      await page.route('**/api/sync/pull', (route) => route.abort());
      const pushed = page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.status() === 200);
      await newSession(page, server.url, titles.acknowledged);
      await pushed;
      await expect.poll(async () => (await readOutbox(page)).map((e) => e.status)).toContain('applied');

      // The server goes down for the restore; meanwhile the trainer records another session.
      const { port, dataDir } = server;
      await server.stop({ keepData: true });
      await newSession(page, `http://127.0.0.1:${port}`, titles.unsent);
      npmRun('restore', [backup], dataDir);
      server = await startServer({}, { port, dataDir });
      await page.unroute('**/api/sync/pull');

      await page.goto(`${server.url}/sync`);
      await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 60_000 });
      expect(await readOutbox(page)).toEqual([]);
      expect(answered.outOfOrder).toBeGreaterThan(0);

      const sessions = await serverSessions(server.url);
      for (const title of Object.values(titles)) {
        expect(
          sessions.filter((s) => s.data?.title === title),
          title,
        ).toHaveLength(1);
      }
      await page.goto(`${server.url}/sessions`);
      for (const title of Object.values(titles)) await page.getByText(title).first().waitFor();
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 300_000);
});
