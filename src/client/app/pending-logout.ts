// Signing out must end the session on the server too, or its cookie stays valid in this browser. Offline
// that cannot happen at once: a flag in localStorage remembers it, and the logout is sent when the
// connection returns (`online`) or at the next start. Signing in sends it first and waits for it:
// its answer clears the cookie, which must not be the new one.
import { ApiRequestError, apiFetch } from '../sync/api';

export const PENDING_LOGOUT_KEY = 'tlb.pendingLogout';
const logoutTimeoutMs = 5000;

let inFlight: Promise<void> | null = null;

/** True once the server has answered: a refusal (the session already ended) counts, a 5xx does not. */
async function postLogout(): Promise<boolean> {
  try {
    await apiFetch('/api/auth/logout', { method: 'POST', timeoutMs: logoutTimeoutMs });
    return true;
  } catch (error) {
    return error instanceof ApiRequestError && error.status < 500;
  }
}

/** Ends the server session now, or remembers to when the connection returns. */
export async function logOutOfServer(): Promise<void> {
  if (await postLogout()) localStorage.removeItem(PENDING_LOGOUT_KEY);
  else localStorage.setItem(PENDING_LOGOUT_KEY, '1');
}

/** Sends a logout left over from signing out offline, if there is one (once, however often asked). */
export function sendPendingLogout(): Promise<void> {
  if (!localStorage.getItem(PENDING_LOGOUT_KEY)) return Promise.resolve();
  inFlight ??= postLogout()
    .then((answered) => {
      if (answered) localStorage.removeItem(PENDING_LOGOUT_KEY);
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
