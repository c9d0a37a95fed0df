// Measures the 500-person roster in real Chromium at 360×740 (docs/lessons.md: long repeat lists froze other
// tools at ~100 entries). Starts the real server, signs in trainer.na, creates a roster session with
// 498 people through the app's own local-write functions (bundled from src/client/db and run in the
// page), adds the 499th with one tap on a search result and the 500th through the new-person sheet,
// then scrolls the roster from top to bottom. It prints JSON and asserts nothing: the numbers are
// reported, not tested.
// Run: `npx vite build && npx tsx bench/roster-500.ts` (BENCH_CPU_SLOWDOWN=4 emulates a low-end phone).
import { launchBrowser, signIn, startServer } from '../tests/support/browser';
import { bundleForPage } from './support/page-bundle';

const ROSTER_SIZE = 500;
/** People in the unit's registry who are not on the roster, so the search has more to sift. */
const EXTRA_REGISTRY = 20;
const SCROLL_STEP_PX = 60; // about 3,600 px/s at 60 frames a second: a brisk thumb fling
const cpuSlowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? '1');

/** The app's database modules as one script (bundled without eval for the app's CSP: see page-bundle). */
function seedScript(): Promise<string> {
  return bundleForPage(`
    import { openUserDb } from './src/client/db/database';
    import { putAttendance, putParticipant, putSession } from './src/client/db/local-writes';
    import { uuidv7 } from 'uuidv7';
    window.__tlbSeed = { openUserDb, putAttendance, putParticipant, putSession, uuidv7 };
  `);
}

// In-page code is passed as strings: tsx's transpiled functions may reference its helpers.
const recorder = `
  window.__bench = { longTasks: [], events: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.events.push({
      name: e.name, start: e.startTime, duration: e.duration,
      inputDelay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart,
      target: e.target && e.target.textContent ? e.target.textContent.trim().slice(0, 40) : null,
    });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

function seedRoster(people: number, extra: number): string {
  return `(async () => {
    const user = JSON.parse(localStorage.getItem('tlb.profile'));
    const seed = window.__tlbSeed;
    const db = seed.openUserDb(user.id, user);
    const family = ['Nguyễn', 'Lương', 'Lô', 'Vi', 'Lang', 'Moong', 'Xồng', 'Lầu', 'Vừ', 'Hà', 'Quang', 'Kha', 'Ngân'];
    const given = ['Hoa', 'Mai', 'Lan', 'Sen', 'Dung', 'Hương', 'Nga', 'Xuân', 'Thảo', 'Pọm', 'Chứ', 'Tủa', 'Minh', 'Bình'];
    const groups = ['03', '03', '23', '08', '01', '21', '54', '01', 'undisclosed'];
    const sessionId = seed.uuidv7();
    await seed.putSession(db, {
      id: sessionId, unitId: user.unitId, format: 'training', title: 'Hội nghị 500 người',
      startDate: '2026-11-20', endDate: '2026-11-20', provinceCode: '40', placeName: 'Hội trường tỉnh', attendanceMode: 'roster',
    });
    const started = performance.now();
    for (let i = 0; i < ${people} + ${extra}; i += 1) {
      const female = i % 3 !== 2;
      const id = seed.uuidv7();
      await seed.putParticipant(db, {
        id, unitId: user.unitId,
        fullName: family[i % family.length] + (female ? ' Thị ' : ' Văn ') + given[(i * 5) % given.length] + ' ' + (i + 1),
        gender: female ? 'female' : 'male', birthYear: 1960 + (i % 40), ethnicity: groups[i % groups.length],
        phone: i % 4 === 0 ? '09' + String(10000000 + i * 7919).slice(0, 8) : undefined,
        consent: { method: 'signed', at: '2026-11-20' },
      });
      if (i < ${people}) await seed.putAttendance(db, { id: seed.uuidv7(), sessionId, participantId: id });
    }
    const seedMs = performance.now() - started;
    db.close();
    return { sessionId, seedMs };
  })()`;
}

/**
 * Waits for a real click on `clicked` (its event time) and for `name`'s row to be on screen (the frame
 * after it appears). The click itself is Playwright's, so the browser records its Event Timing.
 */
const watchAdd = (clicked: string, name: string) => `window.__add = new Promise((resolve) => {
  let clickedAt = null;
  document.addEventListener('click', (event) => {
    if (clickedAt === null && event.target.closest(${JSON.stringify(clicked)})) clickedAt = event.timeStamp;
  }, { capture: true });
  const observer = new MutationObserver(() => {
    if (clickedAt === null || !document.querySelector(${JSON.stringify(`[aria-label="Xoá ${name} khỏi danh sách"]`)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve({ clickedAt, latencyMs: performance.now() - clickedAt })));
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
}), true`; // a bare promise would make page.evaluate wait for it

const timedScroll = (step: number) => `(async () => {
  window.scrollTo(0, 0);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const startedAt = performance.now();
  const gaps = [];
  let last = startedAt;
  await new Promise((resolve) => {
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      const max = document.scrollingElement.scrollHeight - innerHeight;
      if (window.scrollY >= max - 1) return resolve();
      window.scrollBy(0, ${step});
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const rows = document.querySelectorAll('ul[aria-label^="Người tham dự buổi này"] > li');
  const lastRow = rows[rows.length - 1];
  return {
    startedAt, endedAt: performance.now(), frames: gaps.length, gaps,
    domRowsAtEnd: rows.length, lastRowPosition: lastRow ? Number(lastRow.getAttribute('aria-posinset')) : null,
    scrolledPx: window.scrollY,
  };
})()`;

interface LongTask {
  start: number;
  duration: number;
}
interface Added {
  clickedAt: number;
  latencyMs: number;
}
interface EventEntry {
  name: string;
  start: number;
  duration: number;
  inputDelay: number;
  processing: number;
  target: string | null;
}

const round = (value: number) => Math.round(value * 10) / 10;
const over = (tasks: LongTask[], from: number, to: number) => tasks.filter((t) => t.start >= from && t.start <= to);

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    // Measure the screen, not the network: the sync engine sees an unreachable server and backs off.
    await context.route('**/api/sync/**', (route) => route.abort());
    await context.addInitScript({ content: recorder });
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await signIn(page, server.url, 'trainer.na');
    // Seed from a static page of the same origin: the app's own screens would re-render on every write.
    await page.goto(`${server.url}/robots.txt`);
    await page.evaluate(await seedScript());
    const { sessionId, seedMs } = await page.evaluate<{
      sessionId: string;
      seedMs: number;
    }>(seedRoster(ROSTER_SIZE - 2, EXTRA_REGISTRY + 1));

    await page.goto(`${server.url}/sessions/${sessionId}/roster`);
    await page.getByRole('list', { name: /Người tham dự buổi này \(498 người\)/ }).waitFor({ timeout: 60_000 });
    const openMs = await page.evaluate<number>('performance.now()');
    // Offline, as in the field: the sync engine then waits for the network instead of retrying (and
    // compressing a 500-mutation batch on the main thread, which is the sync engine's cost, not the roster's).
    await context.setOffline(true);

    // Search the registry (520 people) as the trainer types.
    const search = page.getByRole('searchbox', { name: 'Tìm người đã có' });
    const searchStart = await page.evaluate<number>('performance.now()');
    await search.fill('nguyen thi hoa');
    await page.getByText(/người khớp/).waitFor();
    const searchMs = (await page.evaluate<number>('performance.now()')) - searchStart;
    await search.fill('');

    // The 499th person with one tap on a search result: the everyday action.
    await search.fill('519');
    // A result button is named by what it shows: the person's name, their details, then "Thêm".
    const result = page.getByRole('button', { name: / 519\b.*Thêm$/ });
    const tappedName = (await result.locator('.search-result__name').textContent()) ?? '';
    await page.evaluate(watchAdd('.search-result', tappedName));
    await result.click();
    const { clickedAt: tappedAt, latencyMs: tapAddLatencyMs } = await page.evaluate<Added>('window.__add');
    await page.getByRole('list', { name: /\(499 người\)/ }).waitFor();
    const tapEndedAt = await page.evaluate<number>('performance.now()');

    // The 500th person through the quick-add sheet.
    await page.getByRole('button', { name: 'Thêm người mới vào danh sách' }).click();
    const sheet = page.getByRole('dialog', { name: 'Người mới' });
    await sheet.getByLabel('Họ và tên').fill('Lò Thị Phương');
    await sheet.getByText('Nữ', { exact: true }).click();
    await sheet.getByLabel('Năm sinh').fill('1990');
    await sheet.getByRole('searchbox', { name: 'Tìm dân tộc' }).fill('thai');
    await sheet.getByRole('button', { name: 'Thái', exact: true }).click();
    await sheet.getByText('Ký tên', { exact: true }).click();
    await page.evaluate(watchAdd('dialog button[type="submit"]', 'Lò Thị Phương'));
    await sheet.getByRole('button', { name: 'Lưu và thêm vào danh sách' }).click();
    const { clickedAt, latencyMs: addLatencyMs } = await page.evaluate<Added>('window.__add');
    await page.getByRole('list', { name: /\(500 người\)/ }).waitFor();
    const totals = await page.locator('.roster-footer__totals').textContent();
    const addEndedAt = await page.evaluate<number>('performance.now()');

    const scroll = await page.evaluate<{
      startedAt: number;
      endedAt: number;
      frames: number;
      gaps: number[];
      domRowsAtEnd: number;
      lastRowPosition: number | null;
      scrolledPx: number;
    }>(timedScroll(SCROLL_STEP_PX));
    await page.waitForTimeout(500); // let the observers deliver the last entries
    const { longTasks, events } = await page.evaluate<{ longTasks: LongTask[]; events: EventEntry[] }>(
      'window.__bench',
    );

    const measured = [
      ...over(longTasks, clickedAt - 1, addEndedAt),
      ...over(longTasks, tappedAt - 1, tapEndedAt),
      ...over(longTasks, scroll.startedAt, scroll.endedAt),
    ];
    const tapClick = events.find((e) => e.name === 'click' && Math.abs(e.start - tappedAt) < 1);
    const saveClick = events.find((e) => e.name === 'click' && Math.abs(e.start - clickedAt) < 1);
    const sortedGaps = [...scroll.gaps].sort((a, b) => a - b);
    const p95 = sortedGaps[Math.floor(sortedGaps.length * 0.95)] ?? 0;
    console.log(
      JSON.stringify(
        {
          rosterSize: ROSTER_SIZE,
          registrySize: ROSTER_SIZE + EXTRA_REGISTRY, // the 500th is created through the sheet
          viewport: '360x740',
          cpuSlowdown,
          longTasksOver50ms: measured.length,
          maxLongTaskMs: round(Math.max(0, ...measured.map((t) => t.duration))),
          addLatencyMs: round(addLatencyMs),
          addClickEventTiming: saveClick
            ? {
                durationMs: saveClick.duration,
                inputDelayMs: round(saveClick.inputDelay),
                processingMs: round(saveClick.processing),
              }
            : null,
          longTasksDuringAdd: over(longTasks, clickedAt - 1, addEndedAt).map((t) => round(t.duration)),
          tapAddLatencyMs: round(tapAddLatencyMs),
          tapAddClickEventTiming: tapClick
            ? { durationMs: tapClick.duration, inputDelayMs: round(tapClick.inputDelay) }
            : null,
          longTasksDuringTapAdd: over(longTasks, tappedAt - 1, tapEndedAt).map((t) => round(t.duration)),
          searchMs: round(searchMs),
          scrollFrames: scroll.frames,
          scrollMs: round(scroll.endedAt - scroll.startedAt),
          scrolledPx: scroll.scrolledPx,
          scrollFrameP95Ms: round(p95),
          scrollFrameMaxMs: round(sortedGaps.at(-1) ?? 0),
          scrollFramesOver50ms: scroll.gaps.filter((g) => g > 50).length,
          longTasksDuringScroll: over(longTasks, scroll.startedAt, scroll.endedAt).map((t) => round(t.duration)),
          domRowsAtEnd: scroll.domRowsAtEnd,
          lastRowPosition: scroll.lastRowPosition,
          totals,
          pageOpenMs: round(openMs),
          longTasksWhileOpening: over(longTasks, 0, openMs).map((t) => round(t.duration)),
          seedMs: round(seedMs),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
