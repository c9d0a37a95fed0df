// Who is signed in on this device. A remembered profile opens the app at once, with no network: the
// server is asked in the background whether the session is still valid, and a refusal only asks the
// user to sign in again — local data is never deleted (unsynced work must survive; docs/lessons.md).
// Each user has their own database, opened here and closed on sign-out, never deleted. The database
// module (Dexie) is loaded on demand, so the sign-in page does not download it.
// The session cookie is shared by every tab: when someone else signs in on this phone in another tab
// (the server's /me, or the remembered profile changing under us, names another user), this tab must
// not sync its user's records with their cookie. It asks to sign in again; sync waits (SyncRunner).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { userResponseSchema, userSchema, type User } from '#domain/schemas/auth';
import { ApiRequestError, apiFetch } from '../sync/api';
import { AuthContext, type AuthStatus, type AuthValue } from './auth-state';
import { loadDatabase } from './page-loaders';
import { logOutOfServer, sendPendingLogout } from './pending-logout';
import { PROFILE_STORAGE_KEY } from './profile-key';
import { forgetProfile, readRememberedProfile, rememberProfile } from './remembered-profile';
import { signInOnServer } from './sign-in-request';

function profileUserId(raw: string | null): string | null {
  try {
    const parsed = userSchema.safeParse(raw === null ? null : JSON.parse(raw));
    return parsed.success ? parsed.data.id : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(readRememberedProfile);
  const [openFor, setOpenFor] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const userId = user?.id ?? null;

  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    void loadDatabase().then(({ openUserDb }) => {
      if (cancelled) return;
      // Opening is idempotent per user; a changed profile (a new name, say) is handed to the open database.
      openUserDb(userId, user ?? undefined);
      setOpenFor(userId);
    });
    return () => {
      cancelled = true;
    };
  }, [userId, user]);

  // Check a remembered session in the background; nothing waits for the answer.
  const [rememberedId] = useState(userId);
  useEffect(() => {
    if (!rememberedId) return;
    let cancelled = false;
    apiFetch('/api/auth/me', { schema: userResponseSchema }).then(
      ({ user: current }) => {
        if (cancelled) return;
        // The cookie is someone else's now: keep this user's data, but sync nothing until they sign in.
        if (current.id !== rememberedId) {
          setNeedsSignIn(true);
          return;
        }
        rememberProfile(current);
        setUser(current);
      },
      (error: unknown) => {
        // Offline or server down: keep working locally.
        if (!cancelled && error instanceof ApiRequestError && error.status === 401) setNeedsSignIn(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [rememberedId]);

  // Another tab signed in: as someone else, the cookie is theirs; as this user, it is valid again.
  useEffect(() => {
    if (!userId) return;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== PROFILE_STORAGE_KEY) return;
      const other = profileUserId(event.newValue);
      if (other) setNeedsSignIn(other !== userId);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [userId]);

  // A sign-out made offline still has to end the server session: at start, and when the network returns.
  useEffect(() => {
    const send = () => void sendPendingLogout();
    send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const signedIn = await signInOnServer(username, password);
    const { openUserDb } = await loadDatabase();
    openUserDb(signedIn.id, signedIn); // closes another user's database, deletes nothing
    setOpenFor(signedIn.id);
    setNeedsSignIn(false);
    setUser(signedIn);
    return signedIn;
  }, []);

  const signOut = useCallback(async () => {
    await logOutOfServer();
    forgetProfile();
    const { closeUserDb } = await loadDatabase();
    closeUserDb();
    setOpenFor(null);
    setNeedsSignIn(false);
    setUser(null);
  }, []);

  const markSignInNeeded = useCallback(() => setNeedsSignIn(true), []);

  const status: AuthStatus = !user ? 'signed-out' : openFor === user.id ? 'signed-in' : 'loading';
  const value = useMemo<AuthValue>(
    () => ({ user, status, needsSignIn, signIn, signOut, markSignInNeeded }),
    [user, status, needsSignIn, signIn, signOut, markSignInNeeded],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
