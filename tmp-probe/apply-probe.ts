import { launchBrowser, startServer } from '../tests/support/browser';
import { bundleForPage } from '../bench/support/page-bundle';
const server = await startServer({ LOG_LEVEL: 'warn' });
const browser = await launchBrowser();
try {
  const page = browser.page;
  await page.goto(`${server.url}/robots.txt`);
  await page.evaluate(await bundleForPage(`
    import { LogbookDb } from './src/client/db/database';
    import { applyPull } from './src/client/db/apply-pull';
    import { pullResponseSchema } from './src/domain/schemas/sync';
    import { liveQuery } from 'dexie';
    import { uuidv7 } from 'uuidv7';
    window.__p = { LogbookDb, applyPull, pullResponseSchema, liveQuery, uuidv7 };
  `));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const out = await page.evaluate(`(async () => {
    const p = window.__p; const db = new p.LogbookDb('probe-' + Math.random()); await db.open();
    const res = [];
    const mk = (n) => ({ cursor: 'c', hasMore: true, reset: false, lastMutationId: 0, changes: Array.from({ length: n }, () => {
      const id = p.uuidv7(); return { entity: 'attendance', id, version: 5, deleted: false, data: { id, sessionId: p.uuidv7(), participantId: p.uuidv7(), days: null, note: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } }; }) });
    for (let round = 0; round < 3; round++) {
      const page = mk(1000); const text = JSON.stringify(page);
      let t = performance.now(); const json = JSON.parse(text); const parseMs = performance.now() - t;
      t = performance.now(); const parsed = p.pullResponseSchema.parse(json); const zodMs = performance.now() - t;
      t = performance.now(); await p.applyPull(db, parsed); const applyMs = performance.now() - t;
      res.push({ parseMs, zodMs, applyMs });
    }
    let runs = 0; const sub = p.liveQuery(() => db.attendance.orderBy('sessionId').keys()).subscribe({ next: () => runs++ });
    for (let round = 0; round < 3; round++) {
      const parsed = mk(1000);
      const t = performance.now(); await p.applyPull(db, parsed); res.push({ withLive: performance.now() - t });
    }
    sub.unsubscribe();
    const plain = mk(1000).changes.map((c) => ({ ...c.data, pending: false, rejected: false }));
    let t = performance.now(); await db.transaction('rw', db.attendance, () => db.attendance.bulkPut(plain)); res.push({ bareBulkPut: performance.now() - t });
    res.push({ runs });
    return res;
  })()`);
  console.log(JSON.stringify(out));
} finally { await browser.close(); await server.stop(); }
