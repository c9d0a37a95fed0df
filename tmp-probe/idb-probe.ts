import { launchBrowser, startServer } from '../tests/support/browser';
const server = await startServer({ LOG_LEVEL: 'warn' });
const browser = await launchBrowser();
try {
  const page = browser.page;
  await page.goto(`${server.url}/robots.txt`);
  const cdp = await browser.context.newCDPSession(page);
  for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const out = await page.evaluate(`(async () => {
    const open = (name, idx) => new Promise((res, rej) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => { const s = r.result.createObjectStore('a', { keyPath: 'id' }); if (idx) { s.createIndex('s', 'sessionId'); s.createIndex('p', 'participantId'); s.createIndex('sp', ['sessionId', 'participantId']); } }; r.onsuccess = () => res(r.result); r.onerror = rej; });
    const rid = () => crypto.randomUUID();
    const rows = () => Array.from({ length: 1000 }, () => ({ id: rid(), sessionId: rid(), participantId: rid(), days: null, note: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 5, pending: false, rejected: false }));
    const put = (db, list, durability) => new Promise((res, rej) => { const tx = db.transaction('a', 'readwrite', { durability }); const s = tx.objectStore('a'); for (const r of list) s.put(r); tx.oncomplete = res; tx.onerror = rej; });
    const res = {};
    for (const [label, idx, dur] of [['idx-default', true, 'default'], ['idx-relaxed', true, 'relaxed'], ['noidx-relaxed', false, 'relaxed']]) {
      const db = await open(label + Math.random(), idx); res[label] = [];
      for (let i = 0; i < 4; i++) { const list = rows(); const t = performance.now(); await put(db, list, dur); res[label].push(Math.round(performance.now() - t)); }
      db.close();
    }
    return res;
  })()`);
  console.log(rate, JSON.stringify(out));
  }
} finally { await browser.close(); await server.stop(); }
