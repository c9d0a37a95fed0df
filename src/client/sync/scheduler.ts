// When to sync (docs/sync.md, docs/lessons.md: "the queue only sent while the form was open"): on start, on
// `online`, on becoming visible, a few seconds after a local write, every minute while online, and on
// demand. One tab at a time (Web Lock `tlb-sync`). Failures back off with jitter up to 5 minutes;
// a 503 (the server's database is away) backs off the same way, at least as long as its Retry-After;
// a 401 pauses until sign-in and discards nothing, and so does a 403 (the server says the cookie is not
// this database's user: someone else signed in on this phone). State is observable for the sync chip
// and page.
import type { LogbookDb } from '../db/database';
import { onLocalWrite } from '../db/local-writes';
import { ApiRequestError, NetworkError } from './api';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff';
import { syncErrorCode, syncOnce } from './engine';
import {
  getSyncSchedulerState,
  isOnline,
  patchSchedulerState,
  resetSchedulerState,
  type SyncSchedulerState,
} from './scheduler-state';
import { registerBackgroundSync, withSyncLock } from './tab-lock';

export { getSyncSchedulerState, subscribeSyncScheduler, type SyncSchedulerState } from './scheduler-state';

export interface SyncSchedulerOptions {
  onStatus?: (state: SyncSchedulerState) => void;
  writeDelayMs?: number;
  intervalMs?: number;
  random?: () => number;
  /** The sync run; tests may pass their own. */
  run?: typeof syncOnce;
}

type Trigger = 'start' | 'online' | 'visible' | 'write' | 'timer' | 'retry' | 'again' | 'manual' | 'background';
/** These come from the person or the network returning (Background Sync's wake-up): they skip the backoff wait. */
const urgent = new Set<Trigger>(['online', 'manual', 'background']);

interface Active {
  db: LogbookDb;
  options: Required<Omit<SyncSchedulerOptions, 'onStatus'>> & Pick<SyncSchedulerOptions, 'onStatus'>;
  inFlight: Promise<void> | null;
  again: boolean;
  writeSyncScheduled: boolean;
  /** At most one retry is ever waiting: a run that starts for any reason replaces it. */
  retryTimer: ReturnType<typeof setTimeout> | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  cleanups: (() => void)[];
}
let active: Active | null = null;

function setState(patch: Partial<SyncSchedulerState>): void {
  const state = patchSchedulerState(patch);
  active?.options.onStatus?.(state);
}

function later(a: Active, ms: number, trigger: Trigger): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => {
    a.timers.delete(timer);
    void fire(trigger);
  }, ms);
  a.timers.add(timer);
  return timer;
}

function retryLater(a: Active, ms: number): void {
  cancelRetry(a);
  a.retryTimer = later(a, ms, 'retry');
}

function cancelRetry(a: Active): void {
  if (a.retryTimer === null) return;
  clearTimeout(a.retryTimer);
  a.timers.delete(a.retryTimer);
  a.retryTimer = null;
}

function listen(a: Active, target: EventTarget | undefined, type: string, handler: (event: Event) => void): void {
  if (!target?.addEventListener) return;
  target.addEventListener(type, handler);
  a.cleanups.push(() => target.removeEventListener(type, handler));
}

export function startSyncScheduler(db: LogbookDb, options: SyncSchedulerOptions = {}): void {
  stopSyncScheduler();
  const a: Active = {
    db,
    options: { writeDelayMs: 3_000, intervalMs: 60_000, random: Math.random, run: syncOnce, ...options },
    inFlight: null,
    again: false,
    writeSyncScheduled: false,
    retryTimer: null,
    timers: new Set(),
    cleanups: [],
  };
  active = a;
  const win = typeof window === 'undefined' ? undefined : window;
  const doc = typeof document === 'undefined' ? undefined : document;
  listen(a, win, 'online', () => {
    setState({ online: true });
    void fire('online');
  });
  listen(a, win, 'offline', () => setState({ online: false }));
  listen(a, doc, 'visibilitychange', () => {
    if (doc?.visibilityState === 'visible') void fire('visible');
  });
  // The service worker's Background Sync handler may ask an open page to sync: { type: 'tlb-sync' }.
  listen(a, typeof navigator === 'undefined' ? undefined : navigator.serviceWorker, 'message', (event) => {
    if ((event as MessageEvent<{ type?: unknown } | null>).data?.type === 'tlb-sync') void fire('background');
  });
  a.cleanups.push(onLocalWrite(() => notifyLocalWrite()));
  const interval = setInterval(() => void fire('timer'), a.options.intervalMs);
  a.cleanups.push(() => clearInterval(interval));
  setState({ online: isOnline() });
  void fire('start');
}

export function stopSyncScheduler(): void {
  if (!active) return;
  for (const cleanup of active.cleanups) cleanup();
  for (const timer of active.timers) clearTimeout(timer);
  active = null;
  resetSchedulerState();
}

/** "Sync now": also resumes after sign-in and skips any backoff wait. Resolves when the run ends. */
export function requestSync(): Promise<void> {
  if (getSyncSchedulerState().needsSignIn) setState({ needsSignIn: false });
  return fire('manual');
}

/** For features that write outside `mutate` (none should): schedule a sync as a write would. */
export function notifyLocalWrite(): void {
  if (!active) return;
  // One sync a few seconds after the first of a burst of writes (typing saves often): it sends them all.
  if (!active.writeSyncScheduled) {
    active.writeSyncScheduled = true;
    later(active, active.options.writeDelayMs, 'write');
  }
  if (!isOnline()) void registerBackgroundSync();
}

function fire(trigger: Trigger): Promise<void> {
  const a = active;
  if (a && trigger === 'write') a.writeSyncScheduled = false;
  const { needsSignIn, nextRetryAt } = getSyncSchedulerState();
  if (!a || (needsSignIn && trigger !== 'manual')) return Promise.resolve();
  if (!urgent.has(trigger) && trigger !== 'retry' && nextRetryAt !== null && Date.now() < nextRetryAt) {
    return Promise.resolve();
  }
  // The browser is sure it is offline: wait for its `online` event rather than fail and back off — at
  // start too (an offline cold start ran a push and pull that could only fail). Only "sync now" tries
  // anyway: the trainer asked, and the answer says what is wrong.
  if (trigger !== 'manual' && !isOnline()) return Promise.resolve();
  if (a.inFlight) {
    a.again = true;
    return a.inFlight;
  }
  a.inFlight = withSyncLock(() => runOnce(a)).then((ran) => {
    a.inFlight = null;
    if (ran === 'busy') retryLater(a, a.options.writeDelayMs);
    else if (a.again && getSyncSchedulerState().lastError === null) void fire('again');
    a.again = false;
  });
  return a.inFlight;
}

/** The wait a 429 or 503 asked for, capped like the backoff. */
function serverRetryAfter(error: unknown): number {
  if (!(error instanceof ApiRequestError) || error.retryAfterMs === undefined) return 0;
  return Math.min(error.retryAfterMs, BACKOFF_CAP_MS);
}

async function runOnce(a: Active): Promise<void> {
  cancelRetry(a);
  setState({ syncing: true, progress: null });
  try {
    const summary = await a.options.run(a.db, { onProgress: (progress) => active === a && setState({ progress }) });
    if (active !== a) return;
    setState({ online: true, lastError: null, consecutiveFailures: 0, nextRetryAt: null, lastSummary: summary });
  } catch (error) {
    if (active !== a) return;
    if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) {
      setState({ needsSignIn: true, lastError: error.code, nextRetryAt: null });
      return;
    }
    const failures = getSyncSchedulerState().consecutiveFailures + 1;
    const delay = Math.max(backoffDelay(failures, a.options.random), serverRetryAfter(error));
    setState({
      lastError: syncErrorCode(error),
      consecutiveFailures: failures,
      nextRetryAt: Date.now() + delay,
      ...(error instanceof NetworkError ? { online: false } : {}),
    });
    retryLater(a, delay);
    // Only while the browser reports no network: registered online (a server that is down, a captive
    // portal), Background Sync fires at once, the page's sync fails and registers again — a loop that
    // starved Chromium's service-worker update check (tests/e2e/update.test.ts). Online, the backoff retries.
    if (!isOnline()) void registerBackgroundSync();
  } finally {
    if (active === a) setState({ syncing: false, progress: null });
  }
}
