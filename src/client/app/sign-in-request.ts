// Signing in with the server: a leftover offline sign-out first (its answer clears the cookie, which must
// not be the new one), then the password, then the profile is remembered on this device and the user's
// language applied. Shared by the first screen (sign-in-app.tsx) and the signed-in app's provider, and
// loaded only when someone starts to sign in: the schemas and the API client are not in the first download.
import { userResponseSchema, type User } from '#domain/schemas/auth';
import { setLanguage } from '../i18n';
import { apiFetch } from '../sync/api';
import { sendPendingLogout } from './pending-logout';
import { rememberProfile } from './remembered-profile';

/** Resolves with the user; rejects with ApiRequestError or NetworkError from the API client. */
export async function signInOnServer(username: string, password: string): Promise<User> {
  await sendPendingLogout();
  const { user } = await apiFetch('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    schema: userResponseSchema,
  });
  rememberProfile(user);
  await setLanguage(user.locale);
  // Without it the browser may evict IndexedDB, unsent records included (Safari, low storage).
  navigator.storage?.persist?.().catch(() => undefined);
  return user;
}
