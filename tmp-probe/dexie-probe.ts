import { launchBrowser, startServer } from '../tests/support/browser';
import { bundleForPage } from '../bench/support/page-bundle';
const server = await startServer({ LOG_LEVEL: 'warn' });
const browser = await launchBrowser();
try {
  const page = browser.page;
  await page.goto(`${server.url}/robots.txt`);
  await page.evaluate(await bundleForPage(`
    import { Dexie } from 'dexie';
    import { LogbookDb } from './src/client/db/database';
    window.__p = { Dexie, LogbookDb };
  `));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const out = await page.evaluate(`(async () => {
    const { Dexie, LogbookDb } = window.__p;
    const rid = () => crypto.randomUUID();
    const rows = () => Array.from({ length: 1000 }, () => ({ id: rid(), sessionId: rid(), participantId: rid(), days: null, note: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 5, pending: false, rejected: false }));
    const res = {};
    const plain = new Dexie('plain' + Math.random()); plain.version(1).stores({ attendance: 'id, [sessionId+participantId], sessionId, participantId' }); await plain.open();
    const app = new LogbookDb('app' + Math.random()); await app.open();
    for (const [label, db] of [['plain', plain], ['app', app], ['plain2', plain], ['app2', app]]) {
      res[label] = [];
      for (let i = 0; i < 3; i++) { const list = rows(); const t = performance.now(); await db.transaction('rw', db.attendance, () => db.attendance.bulkPut(list)); res[label].push(Math.round(performance.now() - t)); }
    }
    return res;
  })()`);
  console.log(JSON.stringify(out));
} finally { await browser.close(); await server.stop(); }
