import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, NetworkError } from '#client/sync/api.ts';
import type { SyncSummary } from '#client/sync/engine.ts';
import {
  getSyncSchedulerState,
  notifyLocalWrite,
  requestSync,
  startSyncScheduler,
  stopSyncScheduler,
  type SyncSchedulerState,
} from '#client/sync/scheduler.ts';
import { putSession } from '#client/db/local-writes.ts';
import { freshDb, newSession } from '../db/fixtures';

const summary: SyncSummary = {
  pushed: 0,
  applied: 0,
  rejected: 0,
  pulled: 0,
  pages: 0,
  reset: false,
  photosUploaded: 0,
};

/** A sync run that records its calls and fails while `failWith` is set. */
function syncRun() {
  const run = {
    calls: 0,
    failWith: null as Error | null,
    fn: async () => {
      run.calls += 1;
      if (run.failWith) throw run.failWith;
      return summary;
    },
  };
  return run;
}

/** The Web Locks API the way browsers answer `ifAvailable` (happy-dom has none). */
function installLocks() {
  const held = new Set<string>();
  const locks = {
    async request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: object | null) => Promise<T>) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        throw new Error('the test lock manager only grants free locks');
      }
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return held;
}

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  stopSyncScheduler();
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (navigator as { locks?: unknown }).locks;
});

describe('the sync scheduler', () => {
  it('syncs on start, once a few seconds after a burst of writes, every minute, and on demand', async () => {
    const run = syncRun();
    const db = freshDb();
    startSyncScheduler(db, { run: run.fn });
    await tick();
    expect(run.calls).toBe(1);

    await putSession(db, newSession());
    notifyLocalWrite();
    await tick(2_999);
    expect(run.calls).toBe(1);
    await tick(1);
    expect(run.calls).toBe(2);

    await tick(57_000);
    expect(run.calls).toBe(3);

    await requestSync();
    expect(run.calls).toBe(4);
  });

  it('syncs when the network returns and when the app becomes visible', async () => {
    const run = syncRun();
    startSyncScheduler(freshDb(), { run: run.fn });
    await tick();

    window.dispatchEvent(new Event('online'));
    await tick();
    expect(run.calls).toBe(2);

    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await tick();
    expect(run.calls).toBe(3);
  });

  it('waits for the network when it starts offline, and syncs when it returns', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const run = syncRun();
    startSyncScheduler(freshDb(), { run: run.fn });
    await tick(61_000);
    expect(run.calls).toBe(0); // neither the start nor the minute's timer tries a sync that can only fail
    expect(getSyncSchedulerState().online).toBe(false);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await tick();
    expect(run.calls).toBe(1);
  });

  it('backs off after failures, marks offline on a network error, and recovers', async () => {
    const run = syncRun();
    run.failWith = new NetworkError(new TypeError('Failed to fetch'));
    startSyncScheduler(freshDb(), { run: run.fn, random: () => 0.5 });
    await tick();
    expect(getSyncSchedulerState()).toMatchObject({
      online: false,
      lastError: 'network_error',
      consecutiveFailures: 1,
    });

    notifyLocalWrite();
    await tick(999);
    expect(run.calls).toBe(1); // a write does not cut the wait short
    await tick(1);
    expect(run.calls).toBe(2); // retry after 0.5 × 2 s
    await tick(1_999);
    expect(run.calls).toBe(2);
    await tick(1);
    expect(run.calls).toBe(3); // then after 0.5 × 4 s

    run.failWith = null;
    window.dispatchEvent(new Event('online'));
    await tick();
    expect(getSyncSchedulerState()).toMatchObject({
      online: true,
      lastError: null,
      consecutiveFailures: 0,
      nextRetryAt: null,
    });
  });

  it('backs off on 503 for at least the Retry-After the server asked for', async () => {
    const run = syncRun();
    run.failWith = new ApiRequestError(503, { code: 'unavailable', message: 'down' }, 30_000);
    startSyncScheduler(freshDb(), { run: run.fn, random: () => 0.01 });
    await tick();
    expect(getSyncSchedulerState()).toMatchObject({
      lastError: 'unavailable',
      consecutiveFailures: 1,
      needsSignIn: false,
    });

    await tick(29_999);
    expect(run.calls).toBe(1); // the backoff alone would have retried after 0.01 × 2 s
    run.failWith = null;
    await tick(1);
    expect(run.calls).toBe(2);
    expect(getSyncSchedulerState()).toMatchObject({ lastError: null, consecutiveFailures: 0 });
  });

  it('pauses on 401 until sync is requested again after sign-in, discarding nothing', async () => {
    const run = syncRun();
    run.failWith = new ApiRequestError(401, { code: 'unauthorized', message: 'sign in' });
    startSyncScheduler(freshDb(), { run: run.fn });
    await tick();
    expect(getSyncSchedulerState().needsSignIn).toBe(true);

    notifyLocalWrite();
    await tick(120_000);
    expect(run.calls).toBe(1);

    run.failWith = null;
    await requestSync();
    expect(run.calls).toBe(2);
    expect(getSyncSchedulerState().needsSignIn).toBe(false);
  });

  it('pauses on 403 as on 401: the cookie belongs to someone else, so nothing is retried until sign-in', async () => {
    const run = syncRun();
    run.failWith = new ApiRequestError(403, { code: 'forbidden', message: 'another user' });
    startSyncScheduler(freshDb(), { run: run.fn });
    await tick();
    expect(getSyncSchedulerState()).toMatchObject({ needsSignIn: true, consecutiveFailures: 0, nextRetryAt: null });

    notifyLocalWrite();
    await tick(120_000);
    expect(run.calls).toBe(1);
  });

  it('lets only one tab sync at a time, and tries again when the other is done', async () => {
    const held = installLocks();
    held.add('tlb-sync');
    const run = syncRun();
    startSyncScheduler(freshDb(), { run: run.fn });
    await tick();
    expect(run.calls).toBe(0);

    held.delete('tlb-sync');
    await tick(3_000);
    expect(run.calls).toBe(1);
  });

  it('reports its state while syncing', async () => {
    const states: SyncSchedulerState[] = [];
    startSyncScheduler(freshDb(), {
      run: async (_db, options) => {
        options?.onProgress?.({ phase: 'pull', done: 10, total: null });
        return summary;
      },
      onStatus: (state) => states.push(state),
    });
    await tick();
    expect(states.some((s) => s.syncing && s.progress?.phase === 'pull')).toBe(true);
    expect(states.at(-1)).toMatchObject({ syncing: false, progress: null, lastSummary: summary });
  });
});
