// Runs the sync scheduler while a user is signed in and their database is open (it is mounted in the
// signed-in frame, so leaving it — signing out — stops it). A 401 from the server asks the user to
// sign in again and discards nothing; signing in again resumes sync at once.
import { useEffect, useRef } from 'react';
import { getUserDb } from '../db/database';
import { requestSync, startSyncScheduler, stopSyncScheduler } from '../sync/scheduler';
import { useAuth } from './auth-context';

export function SyncRunner() {
  const { user, status, needsSignIn, markSignInNeeded } = useAuth();
  const userId = status === 'signed-in' ? user?.id : undefined;

  useEffect(() => {
    if (!userId) return;
    startSyncScheduler(getUserDb(), {
      onStatus: (state) => {
        if (state.needsSignIn) markSignInNeeded();
      },
    });
    return stopSyncScheduler;
  }, [userId, markSignInNeeded]);

  const neededSignIn = useRef(needsSignIn);
  useEffect(() => {
    if (neededSignIn.current && !needsSignIn && userId) void requestSync();
    neededSignIn.current = needsSignIn;
  }, [needsSignIn, userId]);

  return null;
}
