// Which one thing the top bar's sync chip says. One state at a time, most urgent first: the trainer
// must act (sign in again, a refused or returned record) before anything the app will do by itself.
import type { SyncStatus } from '#client/sync/status.ts';

export type ChipState =
  | { kind: 'sign-in' }
  | { kind: 'attention'; count: number }
  | { kind: 'offline'; unsent: number }
  | { kind: 'syncing' }
  | { kind: 'unsent'; count: number }
  | { kind: 'synced'; at: string }
  | { kind: 'never' };

export type ChipInput = Pick<
  SyncStatus,
  'online' | 'syncing' | 'unsentCount' | 'rejected' | 'refusedImages' | 'lastSyncAt' | 'needsSignIn'
>;

/** `returned`: the trainer's sessions an organiser sent back, which need them as much as a refusal. */
export function chipState(status: ChipInput, returned: number): ChipState {
  if (status.needsSignIn) return { kind: 'sign-in' };
  const attention = status.rejected.length + status.refusedImages.length + returned;
  if (attention > 0) return { kind: 'attention', count: attention };
  if (!status.online) return { kind: 'offline', unsent: status.unsentCount };
  if (status.syncing) return { kind: 'syncing' };
  if (status.unsentCount > 0) return { kind: 'unsent', count: status.unsentCount };
  return status.lastSyncAt ? { kind: 'synced', at: status.lastSyncAt } : { kind: 'never' };
}
