// The sync scheduler's observable state, on its own so that the sync chip can show it without loading the
// sync engine (push, pull, the mutators and their schemas): the engine and the scheduler load after the
// first screen has painted (sync-runner.tsx), and the chip reads "not synced yet" until then.
import type { SyncProgress, SyncSummary } from './engine';

export interface SyncSchedulerState {
  online: boolean;
  syncing: boolean;
  progress: SyncProgress | null;
  /** The last run's error code (`network_error`, a server code), null after a success. */
  lastError: string | null;
  needsSignIn: boolean;
  consecutiveFailures: number;
  nextRetryAt: number | null;
  lastSummary: SyncSummary | null;
}

export const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;
const initialState = (): SyncSchedulerState => ({
  online: isOnline(),
  syncing: false,
  progress: null,
  lastError: null,
  needsSignIn: false,
  consecutiveFailures: 0,
  nextRetryAt: null,
  lastSummary: null,
});

let state = initialState();
const subscribers = new Set<() => void>();

export const getSyncSchedulerState = (): SyncSchedulerState => state;
export function subscribeSyncScheduler(listener: () => void): () => void {
  subscribers.add(listener);
  return () => subscribers.delete(listener);
}

/** Merges `patch` into the state and tells every subscriber; answers the new state. */
export function patchSchedulerState(patch: Partial<SyncSchedulerState>): SyncSchedulerState {
  state = { ...state, ...patch };
  for (const listener of subscribers) listener();
  return state;
}

/** Back to the state of a scheduler that never ran (signed out, stopped). */
export function resetSchedulerState(): void {
  state = initialState();
  for (const listener of subscribers) listener();
}
