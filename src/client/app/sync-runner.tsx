// Runs the sync scheduler while a user is signed in, their database is open and the server accepts
// them (it is mounted in the signed-in frame, so leaving it — signing out — stops it). When sign-in is
// needed — a 401 or 403 from the server, or another user's cookie (auth-context) — the scheduler stops
// and discards nothing; signing in again starts it afresh, which syncs at once.
// The scheduler and the sync engine (push, pull, the mutators and their schemas) load a moment after the
// frame mounts, when the browser is idle: on a slow phone their code and the start-up run's reads took the
// CPU while the session list was still waiting to paint (BENCHMARKS.md, offline cold start). Nothing
// waits on them to show local data, and the start-up run sends whatever was queued before.
// Should that load fail (the link dropped mid-download, or files of an older build removed by an update in
// another tab), the sync page says sync failed and it is tried again, each wait twice the one before.
import { useEffect } from 'react';
import { getUserDb } from '../db/database';
import type * as Scheduler from '../sync/scheduler';
import { patchSchedulerState } from '../sync/scheduler-state';
import { useAuth } from './auth-state';

/** The first screen's own work (opening the database, the page's queries) goes first. */
const START_AFTER_MS = 600;
/** At most this long more before the scheduler loads even if the browser is never idle. */
const IDLE_AT_THE_LATEST_MS = 2_000;

function afterFirstScreen(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout: IDLE_AT_THE_LATEST_MS });
      else resolve();
    }, START_AFTER_MS);
  });
}

const RETRY_FIRST_MS = 5_000;
const RETRY_AT_MOST_MS = 5 * 60_000;

type SchedulerModule = typeof Scheduler;

/** The scheduler's module, tried until it loads; undefined once `stopped()` says it is no longer wanted. */
async function loadScheduler(stopped: () => boolean): Promise<SchedulerModule | undefined> {
  for (let wait = RETRY_FIRST_MS; !stopped(); wait = Math.min(2 * wait, RETRY_AT_MOST_MS)) {
    try {
      return await import('../sync/scheduler');
    } catch (error) {
      console.error('Could not load the sync code; trying again', error);
      patchSchedulerState({ lastError: 'unknown' });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return undefined;
}

export function SyncRunner() {
  const { user, status, needsSignIn, markSignInNeeded } = useAuth();
  const userId = status === 'signed-in' && !needsSignIn ? user?.id : undefined;

  useEffect(() => {
    if (!userId) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    void afterFirstScreen()
      .then(() => loadScheduler(() => stopped))
      .then((scheduler) => {
        if (stopped || !scheduler) return;
        const { startSyncScheduler, stopSyncScheduler } = scheduler;
        startSyncScheduler(getUserDb(), {
          onStatus: (state) => {
            if (state.needsSignIn) markSignInNeeded();
          },
        });
        stop = stopSyncScheduler;
      });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [userId, markSignInNeeded]);

  return null;
}
