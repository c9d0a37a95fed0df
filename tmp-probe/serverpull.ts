import { openBenchApp } from '/work/wt-scale/bench/support/bench-app';
import { generateProvinceYear } from '/work/wt-scale/bench/support/province-year';
const b = await openBenchApp('pglite-disk');
await generateProvinceYear(b.database.db, { analyze: true });
await b.login('organiser.na');
let cursor: string | null = null; const clientId = crypto.randomUUID();
let total = 0; const t0 = performance.now();
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  const r = await b.request('/api/sync/pull', { json: { clientId, cursor, scope: process.argv[2] ?? 'working-set' } });
  const text = await r.text(); const j = JSON.parse(text);
  total += j.changes.length;
  console.log(i, r.status, j.changes.length, text.length, Math.round(performance.now() - s), 'ms remaining', j.remaining);
  cursor = j.cursor; if (!j.hasMore) break;
}
console.log('total', total, Math.round(performance.now() - t0));
await b.close();
