// The first screen of someone not signed in on this device: the sign-in page alone, without the router,
// the local database, the schemas or the service worker, so that on 2G it is usable after well under
// 100 KiB of JavaScript. A successful sign-in hands over to the whole app (main.tsx), which takes the
// user to the page they asked for. The service worker is registered by the whole app only: before a
// first sign-in the app cannot work offline, and must not say it can.
import { useMemo } from 'react';
import { SignInPage } from '../features/auth/sign-in-page';
import { AuthContext, type AuthValue } from './auth-state';

export function SignInApp({ onSignedIn }: { onSignedIn: () => void }) {
  const value = useMemo<AuthValue>(
    () => ({
      user: null,
      status: 'signed-out',
      needsSignIn: false,
      async signIn(username, password) {
        const { signInOnServer } = await import('./sign-in-request');
        const user = await signInOnServer(username, password);
        onSignedIn();
        return user;
      },
      // Nobody is signed in here: nothing to end, nothing to pause.
      signOut: () => Promise.resolve(),
      markSignInNeeded: () => undefined,
    }),
    [onSignedIn],
  );
  return (
    <AuthContext.Provider value={value}>
      <SignInPage />
    </AuthContext.Provider>
  );
}
