// Entry point. index.html has already painted a static shell; this decides what replaces it:
// - someone signed in on this device before: the whole app (router, database, service worker), with
//   every translation of their language;
// - nobody: the sign-in page alone (sign-in-app.tsx), the smallest download that lets a trainer sign in
//   on 2G. After sign-in the whole app takes over at the address first asked for.
import './zod-without-eval';
import { StrictMode, startTransition } from 'react';
import type { Role } from '#domain/schemas/auth';
import { createRoot, type Root } from 'react-dom/client';
import { liftFirstScreenWhenReady } from './app/first-screen';
import { SignInApp } from './app/sign-in-app';
import { preloadFirstScreen } from './app/page-loaders';
import { PROFILE_STORAGE_KEY } from './app/profile-key';
import { loadAllNamespaces, startTranslations } from './i18n';
import { nextTask } from './next-task';
import './ui/app.css';

function hasRememberedProfile(): boolean {
  try {
    return localStorage.getItem(PROFILE_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

/** The remembered user's role, read loosely: only a hint of which home page to load early. */
function rememberedRole(): Role | undefined {
  try {
    const role = (JSON.parse(localStorage.getItem(PROFILE_STORAGE_KEY) ?? 'null') as { role?: unknown } | null)?.role;
    return role === 'trainer' || role === 'organiser' || role === 'admin' ? role : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first Intl date formatter of a visit loads the calendar and time-zone data, whatever the locale
 * (over 10 ms on a fast machine, four times that on a cheap phone). Made here, in a task of its own while
 * the code downloads, it is not part of the first render (the sync chip prints a time).
 */
function prepareDateFormatting(): void {
  new Intl.DateTimeFormat(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }).format(0);
}

async function showWholeApp(root: Root): Promise<void> {
  // The frame, the database and the first page load beside the app instead of after it, one by one;
  // asked for once the static shell has painted (the preload helper's work would otherwise delay it).
  requestAnimationFrame(() =>
    setTimeout(() => {
      preloadFirstScreen(location.pathname, rememberedRole());
      setTimeout(prepareDateFormatting, 0);
    }, 0),
  );
  const [{ App }] = await Promise.all([import('./app/app'), loadAllNamespaces()]);
  // As a transition, React renders in slices of a few milliseconds with the main thread free between
  // them: a touch during start-up is answered, and the copy of the home screen stays until the app's own
  // screen is there anyway.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

function showSignIn(root: Root): void {
  // Where the user was going: the whole app opens there after sign-in.
  const asked = location.pathname === '/login' ? '/' : location.pathname + location.search;
  if (location.pathname !== '/login') history.replaceState(null, '', '/login');
  const onSignedIn = () => {
    history.replaceState(null, '', asked);
    // Should the chunk fail (the link dropped just now), a full load gets it, signed in.
    showWholeApp(root).catch(() => location.assign(asked));
  };
  // As a transition, like the whole app's first render: in slices, the static shell showing meanwhile.
  startTransition(() =>
    root.render(
      <StrictMode>
        <SignInApp onSignedIn={onSignedIn} />
      </StrictMode>,
    ),
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
liftFirstScreenWhenReady(container);
await startTranslations();
if (hasRememberedProfile()) {
  // Evaluating this code was one task; loading the rest starts in the next.
  await nextTask();
  await showWholeApp(root);
} else showSignIn(root);
