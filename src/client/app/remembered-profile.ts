// The last signed-in user, remembered on the device so the app opens offline without a password
// (docs/sync.md §9). Only the public profile is kept here; the session itself is an HttpOnly cookie.
import { userSchema, type User } from '#domain/schemas/auth';
import { forgetFirstScreen } from './first-screen';
import { PROFILE_STORAGE_KEY } from './profile-key';

export function readRememberedProfile(): User | null {
  try {
    const raw = localStorage.getItem(PROFILE_STORAGE_KEY);
    if (!raw) return null;
    const parsed = userSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberProfile(user: User): void {
  localStorage.setItem(PROFILE_STORAGE_KEY, JSON.stringify(user));
}

export function forgetProfile(): void {
  localStorage.removeItem(PROFILE_STORAGE_KEY);
  // The copy of the home screen is this user's data too.
  forgetFirstScreen();
}
