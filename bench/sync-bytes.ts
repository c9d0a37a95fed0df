// sync-bytes: what syncing a trainer's 100 sessions (3,000 attendance rows, 600 people) costs on the wire,
// with gzip (how the client syncs: gzipped push bodies, Accept-Encoding: gzip) and without compression, side
// by side in one run. Each mode gets its own real server process (PGlite in a temp dir, demo seed) and the
// same generated records; one device pushes them in batches of 500, then pulls what followed (as a sync run
// does: push, then pull), and a fresh device pulls everything.
// The pushing device sends its cursor and asks `echoes: "omit"` (no echo, docs/sync.md §10); the same follow-up
// pull without the flag (every row in full, as before) is measured beside it from the same cursor. The 2G lower
// bound is computed from the same records: the workload's mutations as one JSON array gzipped in one piece,
// over the 2G upload, plus one round trip each way.
// Bytes are counted at the TCP socket, so they are exact and independent of machine load.
// Run: `npx tsx bench/sync-bytes.ts` (needs no build: only /api is used).
import { gzipSync, strToU8 } from 'fflate';
import { MAX_MUTATIONS_PER_PUSH } from '#domain/schemas/sync';
import { startServer } from '../tests/support/browser';
import { printResult, progress } from './support/result';
import { int, kb, ratio, round, times } from './support/stats';
import { noTraffic, SyncDevice, type Traffic } from './support/sync-device';
import { batchesOf, buildSyncWorkload, WORKLOAD } from './support/sync-workload';

/** The link docs/architecture.md calls 2G: 250 kbit/s down, 50 kbit/s up, 300 ms per round trip. */
const LINK = { downBytesPerS: 250_000 / 8, upBytesPerS: 50_000 / 8, rttS: 0.3 };

interface ModeResult {
  push: Traffic;
  /** The pushing device's pull right after its pushes, leaving its own writes out; and the same in full. */
  followUp: Traffic;
  followUpChanges: number;
  followUpFull: Traffic;
  followUpFullChanges: number;
  /** The records (the workload's mutations as one JSON array), gzipped in one piece. */
  recordsGzipBytes: number;
  recordsJsonBytes: number;
  pull: Traffic;
  pullPages: number;
  pulled: Record<string, number>;
  rejected: number;
}

async function runMode(compress: boolean): Promise<ModeResult> {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  const recorder = new SyncDevice(server.url, compress);
  const fresh = new SyncDevice(server.url, compress);
  try {
    const user = await recorder.signIn('trainer.na');
    // The device's first pull brings the topics the sessions name; it is not part of the measured sync.
    const reference = await recorder.pullAll();
    const topicIds = reference.changes.filter((c) => c.entity === 'topic').map((c) => c.id);
    const workload = buildSyncWorkload(user.unitId, topicIds);
    const batches = batchesOf(workload, MAX_MUTATIONS_PER_PUSH);
    const recordsJson = strToU8(JSON.stringify(batchesOf(workload, workload.length)[0]));

    const beforePush = { ...recorder.traffic };
    let rejected = 0;
    for (const batch of batches) {
      const answer = await recorder.push(batch, { cursor: reference.cursor });
      rejected += answer.results.filter((r) => r.status !== 'applied').length;
      if (answer.results.length !== batch.length) throw new Error('a push answered fewer results than it sent');
    }
    const push = recorder.since(beforePush);

    const beforeFollowUp = { ...recorder.traffic };
    const followed = await recorder.pullAll(reference.cursor, { echoes: 'omit' });
    const followUp = recorder.since(beforeFollowUp);
    // Read-only: the same pull from the same cursor with every row in full, as before the extension.
    const beforeFull = { ...recorder.traffic };
    const full = await recorder.pullAll(reference.cursor);
    const followUpFull = recorder.since(beforeFull);

    await fresh.signIn('trainer.na');
    const pulled = await fresh.pullAll();
    const counts: Record<string, number> = {};
    for (const change of pulled.changes) counts[change.entity] = (counts[change.entity] ?? 0) + 1;
    if ((counts.attendance ?? 0) !== WORKLOAD.attendance)
      throw new Error(`pulled ${counts.attendance} attendance rows`);
    return {
      push,
      followUp,
      followUpChanges: followed.changes.length,
      followUpFull,
      followUpFullChanges: full.changes.length,
      recordsGzipBytes: gzipSync(recordsJson).byteLength,
      recordsJsonBytes: recordsJson.byteLength,
      pull: { ...fresh.traffic },
      pullPages: pulled.pages,
      pulled: counts,
      rejected,
    };
  } finally {
    recorder.close();
    fresh.close();
    await server.stop();
  }
}

/** Seconds on the 2G link: bytes over each direction's bandwidth plus one round-trip latency per request. */
const linkSeconds = (t: Traffic) =>
  t.sentBytes / LINK.upBytesPerS + t.receivedBytes / LINK.downBytesPerS + t.roundTrips * LINK.rttS;

/** The 2G lower bound of syncing the records: their bytes gzipped in one piece up, and one round trip each way. */
const lowerBoundSeconds = (recordsGzipBytes: number) => recordsGzipBytes / LINK.upBytesPerS + 2 * LINK.rttS;

const total = (a: Traffic, b: Traffic): Traffic => {
  const sum = noTraffic();
  for (const key of Object.keys(sum) as (keyof Traffic)[]) sum[key] = a[key] + b[key];
  return sum;
};

async function main(): Promise<void> {
  // Byte counts do not depend on timing, so the two modes run at the same time (half the wall-clock time).
  progress('sync-bytes: gzip and uncompressed modes, one server process each');
  const [gzip, plain] = await Promise.all([runMode(true), runMode(false)]);
  const rows = WORKLOAD.attendance;
  const gzipAll = total(gzip.push, gzip.pull);
  const plainAll = total(plain.push, plain.pull);
  // The product's sync as the device runs it: its pushes, then its pull of what followed.
  const sync = total(gzip.push, gzip.followUp);
  const syncBefore = total(gzip.push, gzip.followUpFull);
  const bound = lowerBoundSeconds(gzip.recordsGzipBytes);
  const syncRatio = linkSeconds(sync) / bound;
  const syncBeforeRatio = linkSeconds(syncBefore) / bound;
  const echoShare = gzip.followUp.receivedBytes / gzip.push.sentBytes;
  const echoShareBefore = gzip.followUpFull.receivedBytes / gzip.push.sentBytes;
  const pct = (x: number) => `${round(100 * x, 1)} %`;

  const line = (label: string, g: number, p: number, format: (n: number) => string = int) => [
    label,
    format(g),
    format(p),
    times(ratio(p, g)),
  ];
  const phase = (name: string, g: Traffic, p: Traffic) => [
    line(`${name}: round trips`, g.roundTrips, p.roundTrips),
    line(`${name}: sent (request bytes on the wire)`, g.sentBytes, p.sentBytes),
    line(`${name}: received (response bytes on the wire)`, g.receivedBytes, p.receivedBytes),
    line(`${name}: total bytes on the wire`, g.sentBytes + g.receivedBytes, p.sentBytes + p.receivedBytes),
    line(`${name}: estimated time on 2G`, linkSeconds(g), linkSeconds(p), (s) => `${round(s, 1)} s`),
  ];
  const perRow = (t: Traffic) => round((t.sentBytes + t.receivedBytes) / rows, 1);

  printResult({
    bench: 'sync-bytes',
    title: 'Sync bytes and round trips: gzip versus uncompressed',
    method:
      `One run, two real server processes side by side (PGlite, demo seed), the same generated records for each: trainer.na pushes ` +
      `${int(WORKLOAD.sessions)} roster sessions with ${int(WORKLOAD.attendance)} attendance rows and ${int(WORKLOAD.people)} new people ` +
      `(${int(gzip.push.roundTrips)} pushes of ≤ ${MAX_MUTATIONS_PER_PUSH} mutations: session.put with every field, participant.put, ` +
      `attendance.put, session.submit), then a fresh device of the same trainer pulls everything with the default page size (1,000). ` +
      `Bytes are counted at the TCP socket (request line, headers with a Chromium-like set, body, chunked framing). ` +
      `"gzip" is how the app syncs: push bodies gzipped with fflate (Content-Encoding: gzip), responses gzipped by the server ` +
      `(Accept-Encoding: gzip). "Uncompressed" sends JSON as is and asks for Accept-Encoding: identity. ` +
      `The 2G time is an estimate from these bytes (250 kbit/s down, 50 kbit/s up, 300 ms per round trip), not a measurement.`,
    headline: [
      `Push + the following pull of the ${int(WORKLOAD.sessions)}-session workload: ${round(linkSeconds(sync), 1)} s on 2G, ` +
        `${round(syncRatio, 2)}× the lower bound of ${round(bound, 1)} s (target ≤ 1.3×); the pushing device's follow-up pull ` +
        `downloads ${kb(gzip.followUp.receivedBytes)}, ${pct(echoShare)} of the ${kb(gzip.push.sentBytes)} it pushed (target ≤ 10 %). ` +
        `Before (every row in full, same run): ${round(linkSeconds(syncBefore), 1)} s, ${round(syncBeforeRatio, 2)}×, ` +
        `${kb(gzip.followUpFull.receivedBytes)} in ${int(gzip.followUpFull.roundTrips)} requests (${pct(echoShareBefore)}).`,
      `Syncing ${int(WORKLOAD.sessions)} sessions / ${int(rows)} attendance rows / ${int(WORKLOAD.people)} people: ` +
        `push ${int(gzip.push.roundTrips)} round trips, ${kb(gzip.push.sentBytes)} up with gzip vs ${kb(plain.push.sentBytes)} uncompressed ` +
        `(${times(ratio(plain.push.sentBytes, gzip.push.sentBytes))} smaller); a fresh device's pull ${int(gzip.pull.roundTrips)} round trips, ` +
        `${kb(gzip.pull.receivedBytes)} down with gzip vs ${kb(plain.pull.receivedBytes)} (${times(ratio(plain.pull.receivedBytes, gzip.pull.receivedBytes))} smaller).`,
      `All in (push + pull, both directions): ${int(perRow(gzipAll))} bytes per attendance row with gzip vs ${int(perRow(plainAll))} uncompressed; ` +
        `about ${round(linkSeconds(gzipAll), 0)} s vs ${round(linkSeconds(plainAll), 0)} s on 2G (estimated).`,
    ],
    tables: [
      {
        title:
          "The product's sync: the pushing device's pushes, then its pull of what followed (gzip, as the app syncs)",
        head: ['figure', 'own writes left out (echoes: omit)', 'every row in full (before)', 'full ÷ left out'],
        rows: [
          line('follow-up pull: round trips', gzip.followUp.roundTrips, gzip.followUpFull.roundTrips),
          line('follow-up pull: changes', gzip.followUpChanges, gzip.followUpFullChanges),
          line('follow-up pull: received bytes', gzip.followUp.receivedBytes, gzip.followUpFull.receivedBytes),
          line('follow-up pull ÷ bytes pushed', echoShare, echoShareBefore, pct),
          line(
            'push + follow-up pull: estimated time on 2G',
            linkSeconds(sync),
            linkSeconds(syncBefore),
            (n) => `${round(n, 1)} s`,
          ),
          line('÷ the 2G lower bound', syncRatio, syncBeforeRatio, (n) => `${round(n, 2)}×`),
        ],
      },
      {
        title: 'Push (one device, all records) and pull (a fresh device, everything in scope)',
        head: ['figure', 'gzip (as the app syncs)', 'uncompressed', 'uncompressed ÷ gzip'],
        rows: [
          ...phase('push', gzip.push, plain.push),
          ...phase('pull', gzip.pull, plain.pull),
          line(
            'push + pull: bytes on the wire',
            gzipAll.sentBytes + gzipAll.receivedBytes,
            plainAll.sentBytes + plainAll.receivedBytes,
          ),
          line('bytes per attendance row (all in: push + pull)', perRow(gzipAll), perRow(plainAll)),
          line('push bytes per attendance row (upload)', gzip.push.sentBytes / rows, plain.push.sentBytes / rows, (n) =>
            String(round(n, 1)),
          ),
          line(
            'pull bytes per attendance row (download)',
            gzip.pull.receivedBytes / rows,
            plain.pull.receivedBytes / rows,
            (n) => String(round(n, 1)),
          ),
          line('push JSON before compression', gzip.push.requestJsonBytes, plain.push.requestJsonBytes),
          line('pull JSON after decompression', gzip.pull.responseJsonBytes, plain.pull.responseJsonBytes),
        ],
      },
    ],
    notes: [
      `Pulled by the fresh device: ${Object.entries(gzip.pulled)
        .map(([e, n]) => `${int(n)} ${e}`)
        .join(', ')} ` +
        `in ${gzip.pullPages} pages. Rejected mutations: ${gzip.rejected} (gzip run), ${plain.rejected} (uncompressed run).`,
      'The all-in bytes per attendance row divide the whole sync (sessions and people included) by the 3,000 rows.',
      `2G lower bound: the workload's ${int(WORKLOAD.sessions + WORKLOAD.people + WORKLOAD.attendance + WORKLOAD.sessions)} mutations as one JSON array ` +
        `(${kb(gzip.recordsJsonBytes)}) gzipped in one piece (${kb(gzip.recordsGzipBytes)}) over the 2G upload, plus one round trip each way: ` +
        `${round(bound, 1)} s. The pushing device's pull left its own writes out (docs/sync.md §10, no echo); "before" is the same pull ` +
        'from the same cursor with every row in full, measured in the same run.',
    ],
    data: { workload: WORKLOAD, link: LINK, gzip, plain },
  });
}

await main();
