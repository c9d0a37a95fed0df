// idb-cost: what writing 1,000 session-shaped rows into IndexedDB costs in Chromium, by how the rows are laid out,
// at CPU 1× and 4× (DevTools Protocol): one record per row with the session table's four indexes or none, handed
// over in slices of 100 (two in flight, as applyPull does), all at once, or slices of 250 (four in flight); and the
// same rows as 10 records of 100. Each figure is the median of ROUNDS (5) transactions, from the first put to
// `complete`, the layouts taking turns. No app code: the question is the storage's own cost per request, which
// decides how fast a pull page can be applied (docs/sync.md §10).
// Run: `npx tsx bench/idb-cost.ts` (hand-run; not part of `npm run bench`).
import { launchBrowser } from '../tests/support/browser';
import { startBareServer } from './support/bare-server';
import { median } from './support/stats';

const ROUNDS = Number(process.env.ROUNDS ?? '5');
const ROWS = 1000;

const WRITE = `async ({ layout, slice, inflight, indexes, version, rows: n }) => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const name = 'idb-cost-' + (indexes ? 'indexed' : 'bare');
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const rows = open.result.createObjectStore('rows', { keyPath: 'id' });
    if (indexes) {
      rows.createIndex('status', 'status');
      rows.createIndex('startDate', 'startDate');
      rows.createIndex('submitted', ['status', 'submittedAt', 'startDate']);
      rows.createIndex('reviewed', ['status', 'reviewedAt', 'startDate']);
    }
    open.result.createObjectStore('chunks', { keyPath: 'id' });
  };
  const db = await request(open);
  const day = (i) => '2026-02-' + String(1 + (i % 28)).padStart(2, '0');
  const row = (i) => ({
    id: '0190e3c4-7b2a-7000-8000-' + String(i).padStart(12, '0'), version, status: i % 3 ? 'approved' : 'submitted',
    title: 'Tập huấn bình đẳng giới cho công nhân ' + i, place: 'Nhà văn hóa bản Nà Phát, xã Tả Phìn',
    startDate: day(i), endDate: day(i), submittedAt: '2026-03-01T10:00:00.000Z', reviewedAt: '2026-03-05T10:00:00.000Z',
    unitId: '0190e3c4-7b2a-7000-8000-00000000abcd', trainerId: '0190e3c4-7b2a-7000-8000-00000000beef',
    format: 'training', topicIds: ['gender-equality', 'labour-law'], attendanceMode: 'roster', headcount: null,
    reviewComment: null, notes: 'x'.repeat(300), createdAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-03-05T10:00:00.000Z',
  });
  const rows = Array.from({ length: n }, (_, i) => row(i));
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const tx = db.transaction(layout === 'chunks' ? 'chunks' : 'rows', 'readwrite');
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    const store = tx.objectStore(layout === 'chunks' ? 'chunks' : 'rows');
    if (layout === 'chunks') {
      for (let i = 0; i < n; i += 100) store.put({ id: i, rows: rows.slice(i, i + 100) });
      return;
    }
    let next = 0;
    let active = 0;
    const pump = () => {
      while (active < inflight && next < n) {
        const from = next;
        next = Math.min(n, next + slice);
        active += 1;
        let last;
        for (let i = from; i < next; i += 1) last = store.put(rows[i]);
        last.onsuccess = () => { active -= 1; pump(); };
      }
    };
    pump();
  });
  const ms = performance.now() - started;
  db.close();
  return ms;
}`;

const LAYOUTS = [
  { label: 'a record per row, slices of 100, two in flight', layout: 'rows', slice: 100, inflight: 2 },
  { label: 'a record per row, all at once', layout: 'rows', slice: ROWS, inflight: 1 },
  { label: 'a record per row, slices of 250, four in flight', layout: 'rows', slice: 250, inflight: 4 },
  { label: '10 records of 100 rows', layout: 'chunks', slice: 0, inflight: 0 },
] as const;

const server = await startBareServer();
const browser = await launchBrowser();
try {
  await browser.page.goto(server.url);
  const cdp = await browser.context.newCDPSession(browser.page);
  console.log(`| CPU | indexes | ${LAYOUTS.map((l) => l.label).join(' | ')} |`);
  console.log(`| --- | --- | ${LAYOUTS.map(() => '---').join(' | ')} |`);
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (const indexes of [true, false]) {
      const runs = LAYOUTS.map(() => [] as number[]);
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [i, layout] of LAYOUTS.entries()) {
          const args = { ...layout, indexes, version: round, rows: ROWS };
          runs[i]!.push(await browser.page.evaluate<number>(`(${WRITE})(${JSON.stringify(args)})`));
        }
      }
      const cells = runs.map((r) => `${Math.round(median(r))} ms`);
      console.log(`| ${rate}× | ${indexes ? 4 : 0} | ${cells.join(' | ')} |`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
