// Renders the real app (auth, routes, layout) at an address, with a remembered profile if given and
// a stand-in for the HTTP server: each test says how /api answers, or that the network is down.
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { vi } from 'vitest';
import { AuthProvider } from '#client/app/auth-context.tsx';
import { PROFILE_STORAGE_KEY } from '#client/app/profile-key.ts';
import { AppRoutes } from '#client/app/routes.tsx';
import { closeUserDb } from '#client/db/database.ts';
// The sync runner imports the scheduler lazily, a moment after the first screen. Loaded here up front, that
// import resolves from the module cache, so a test that ends within the moment leaves no module load
// running after its environment is torn down.
import '#client/sync/scheduler.ts';
import { setLanguage } from '#client/i18n.ts';
import type { User } from '#domain/schemas/auth';
import { requestUrl } from '../../support/request-url';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '0190a5b4-8c2e-7f00-8000-000000000001',
    username: 'trainer.na',
    displayName: 'Lô Thị Mai',
    role: 'trainer',
    unitId: '0190a5b4-8c2e-7f00-8000-0000000000a1',
    spaceId: '0190a5b4-8c2e-7f00-8000-0000000000f1',
    locale: 'vi',
    ...overrides,
  };
}

type Answer = { status: number; body?: unknown } | 'offline';

/** Answers `METHOD /path` requests; anything unlisted behaves as if the network were down. */
export function serveApi(answers: Record<string, Answer>) {
  const calls: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(requestUrl(input), 'http://localhost').pathname;
    const key = `${init?.method ?? 'GET'} ${path}`;
    calls.push(key);
    const answer = answers[key] ?? 'offline';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls };
}

export function rememberUser(user: User): void {
  localStorage.setItem(PROFILE_STORAGE_KEY, JSON.stringify(user));
}

export const currentLocation = { pathname: '' };

function LocationProbe() {
  currentLocation.pathname = useLocation().pathname;
  return null;
}

export function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <AppRoutes />
        <LocationProbe />
      </AuthProvider>
    </MemoryRouter>,
  );
}

export async function resetApp(): Promise<void> {
  cleanup();
  closeUserDb();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  await setLanguage('vi');
  localStorage.clear();
}
