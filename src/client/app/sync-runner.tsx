// Runs the sync scheduler while a user is signed in, their database is open and the server accepts
// them (it is mounted in the signed-in frame, so leaving it — signing out — stops it). When sign-in is
// needed — a 401 or 403 from the server, or another user's cookie (auth-context) — the scheduler stops
// and discards nothing; signing in again starts it afresh, which syncs at once.
import { useEffect } from 'react';
import { getUserDb } from '../db/database';
import { startSyncScheduler, stopSyncScheduler } from '../sync/scheduler';
import { useAuth } from './auth-state';

export function SyncRunner() {
  const { user, status, needsSignIn, markSignInNeeded } = useAuth();
  const userId = status === 'signed-in' && !needsSignIn ? user?.id : undefined;

  useEffect(() => {
    if (!userId) return;
    startSyncScheduler(getUserDb(), {
      onStatus: (state) => {
        if (state.needsSignIn) markSignInNeeded();
      },
    });
    return stopSyncScheduler;
  }, [userId, markSignInNeeded]);

  return null;
}
