// local-write: how long a local write takes in real Chromium (IndexedDB through Dexie), and what the outbox
// costs. Three writers, interleaved write by write so machine noise falls on all three, 200 writes each, for
// session.put and attendance.put:
//   app      — the app's own putSession / putAttendance (src/client/db/local-writes, bundled into the page):
//              validation, the record, its outbox entry, the meta counter and the sync markers, one transaction;
//   outbox   — the bare shape of a durable write: the record + an outbox entry + the counter, one rw transaction;
//   no outbox — the record alone (Table.put, its own transaction): what a non-durable write would cost.
// The page is /robots.txt of a real server (the app's origin, no app UI re-rendering on every write).
// Run: `npx tsx bench/local-write.ts` (BENCH_CPU_SLOWDOWN=4 emulates a low-end phone).
import { launchBrowser, startServer } from '../tests/support/browser';
import { bundleForPage } from './support/page-bundle';
import { printResult, progress, type BenchTable } from './support/result';
import { median, ms, percentile, ratio, round, times } from './support/stats';

const WRITES = 200;
const cpuSlowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? '1');
const writers = ['app', 'outbox', 'bare'] as const;
type Writer = (typeof writers)[number];
type Samples = Record<'session' | 'attendance', Record<Writer, number[]>>;

const bundleSource = `
  import { openUserDb } from './src/client/db/database';
  import { putAttendance, putParticipant, putSession } from './src/client/db/local-writes';
  import { uuidv7 } from 'uuidv7';
  window.__tlbBench = { openUserDb, putAttendance, putParticipant, putSession, uuidv7 };
`;

// In-page code is a string: tsx's transpiled functions may reference its helpers.
const measure = (writes: number) => `(async () => {
  const { openUserDb, putAttendance, putParticipant, putSession, uuidv7 } = window.__tlbBench;
  const db = openUserDb(uuidv7());
  await db.open();
  const unitId = uuidv7();
  const topicId = uuidv7();
  const fields = (id) => ({
    id, unitId, format: 'training', title: 'Tập huấn kiến thức cơ bản về giới', topicIds: [topicId],
    startDate: '2026-11-20', endDate: '2026-11-20', provinceCode: '40', adminSet: '2026-07-25',
    placeName: 'Hội trường xã Môn Sơn', attendanceMode: 'roster',
  });
  const sessionRow = (id) => ({ ...fields(id), trainerId: unitId, status: 'draft', pending: true, rejected: false });
  const withOutbox = (table, entity, row, name, args) => db.transaction('rw', [table, db.outbox, db.meta], async () => {
    await table.put(row);
    const { value: id } = await db.meta.get('nextMutationId');
    await db.outbox.add({ id, name, args, clientAt: new Date().toISOString(), status: 'pending', entity, entityId: row.id });
    await db.meta.put({ key: 'nextMutationId', value: id + 1 });
  });

  // The people and the session attendance rows point at, written by the app beforehand.
  const sessionId = uuidv7();
  await putSession(db, fields(sessionId));
  const people = [];
  for (let i = 0; i < ${writes} * 3 + 20; i += 1) {
    const id = uuidv7();
    people.push(id);
    await putParticipant(db, { id, unitId, fullName: 'Lò Thị Xuân ' + i, gender: 'female', ethnicity: '03',
      consent: { method: 'signed', at: '2026-11-20' } });
  }
  let person = 0;
  const attendanceArgs = () => ({ id: uuidv7(), sessionId, participantId: people[person++] });
  const run = {
    session: {
      app: () => putSession(db, fields(uuidv7())),
      outbox: () => { const row = sessionRow(uuidv7()); return withOutbox(db.sessions, 'session', row, 'session.put', fields(row.id)); },
      bare: () => db.sessions.put(sessionRow(uuidv7())),
    },
    attendance: {
      app: () => putAttendance(db, attendanceArgs()),
      outbox: () => { const a = attendanceArgs(); return withOutbox(db.attendance, 'attendance', { ...a, pending: true, rejected: false }, 'attendance.put', a); },
      bare: () => db.attendance.put({ ...attendanceArgs(), pending: true, rejected: false }),
    },
  };
  const samples = { session: { app: [], outbox: [], bare: [] }, attendance: { app: [], outbox: [], bare: [] } };
  const order = ['app', 'outbox', 'bare'];
  for (const kind of ['session', 'attendance']) {
    for (const writer of order) for (let i = 0; i < 5; i += 1) await run[kind][writer](); // warm-up
    for (let i = 0; i < ${writes}; i += 1) {
      for (let k = 0; k < order.length; k += 1) {
        const writer = order[(i + k) % order.length];
        const started = performance.now();
        await run[kind][writer]();
        samples[kind][writer].push(performance.now() - started);
      }
    }
  }
  db.close();
  return samples;
})()`;

async function main(): Promise<void> {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.goto(`${server.url}/robots.txt`);
    await page.evaluate(await bundleForPage(bundleSource));
    progress(`local-write: ${WRITES} writes per writer and record, interleaved`);
    const samples = await page.evaluate<Samples>(measure(WRITES));
    const userAgent = await page.evaluate<string>('navigator.userAgent');
    report(samples, userAgent);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function report(samples: Samples, userAgent: string): void {
  const p95 = (s: number[]) => percentile(s, 95);
  const labels: Record<Writer, string> = {
    app: "the app's write (record + outbox + markers)",
    outbox: 'record + outbox entry, one transaction',
    bare: 'record only, no outbox',
  };
  const table = (kind: 'session' | 'attendance'): BenchTable => ({
    title: `${kind}.put: ${WRITES} writes per writer`,
    head: ['writer', 'median', 'p95', 'median ÷ no-outbox median'],
    rows: writers.map((w) => [
      labels[w],
      ms(median(samples[kind][w]), 2),
      ms(p95(samples[kind][w]), 2),
      times(ratio(median(samples[kind][w]), median(samples[kind].bare))),
    ]),
  });
  const m = (kind: 'session' | 'attendance', w: Writer) => median(samples[kind][w]);
  printResult({
    bench: 'local-write',
    title: 'Local write latency in Chromium: the cost of the outbox',
    method:
      `Real Chromium (headless, 360×740${cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : ''}) on a page of the app's origin. ` +
      `The app's own local-write functions are bundled into the page with esbuild and write into a per-user Dexie database; ` +
      `beside them, the same Dexie database is written with the bare record-plus-outbox transaction and with the record alone. ` +
      `The three writers alternate write by write (rotating order) for ${WRITES} writes each, after 5 warm-ups; a write's ` +
      `latency is until its promise resolves, i.e. the IndexedDB transaction has committed. Timer resolution is 0.1 ms.`,
    headline: [
      `Local write (IndexedDB, real Chromium): session.put median ${ms(m('session', 'app'), 2)} through the app ` +
        `(${ms(m('session', 'outbox'), 2)} record + outbox, ${ms(m('session', 'bare'), 2)} record alone: the outbox costs ` +
        `${times(ratio(m('session', 'outbox'), m('session', 'bare')))}); attendance.put ${ms(m('attendance', 'app'), 2)} through the app ` +
        `vs ${ms(m('attendance', 'bare'), 2)} alone.`,
    ],
    tables: [table('session'), table('attendance')],
    notes: [
      "The app's write does more than the bare shape: zod validation, the base copy for re-applying after a pull, the " +
        'rejected-entry check and folding into an unsent put, and the pending/rejected markers.',
      `Browser: ${userAgent}`,
    ],
    data: {
      cpuSlowdown,
      writes: WRITES,
      userAgent,
      medianMs: Object.fromEntries(
        (['session', 'attendance'] as const).map((k) => [
          k,
          Object.fromEntries(writers.map((w) => [w, round(m(k, w), 3)])),
        ]),
      ),
      p95Ms: Object.fromEntries(
        (['session', 'attendance'] as const).map((k) => [
          k,
          Object.fromEntries(writers.map((w) => [w, round(p95(samples[k][w]), 3)])),
        ]),
      ),
    },
  });
}

await main();
