// The code of the signed-in frame and of each home page, as functions that load it. routes.tsx makes its
// lazy pages from them; main.tsx calls the ones a remembered user's first screen needs all at once, so
// the frame, the database and the page load side by side instead of one after the other (each chunk was
// asked for only when the one before had run: BENCHMARKS.md, offline cold start).
import type { Role } from '#domain/schemas/auth';

export const loadLayout = () => import('./layout');
export const loadDatabase = () => import('../db/database');
export const loadSessionListPage = () => import('../features/sessions/session-list-page');
export const loadReviewQueuePage = () => import('../features/review/review-queue-page');

/** The page shown first at `pathname` for `role` (the home of "/"), when it is one of the homes. */
function homePageLoader(pathname: string, role: Role | undefined): (() => Promise<unknown>) | undefined {
  if (pathname === '/sessions' || (pathname === '/' && role === 'trainer')) return loadSessionListPage;
  if (pathname === '/review' || (pathname === '/' && (role === 'organiser' || role === 'admin')))
    return loadReviewQueuePage;
  return undefined;
}

/**
 * Starts loading what the first screen needs; a failure here is only a hint lost (the page loads it again).
 * Each in a task of its own: asking for a chunk and its dependencies costs a few milliseconds per file.
 */
export function preloadFirstScreen(pathname: string, role: Role | undefined): void {
  const loaders = [loadLayout, loadDatabase, homePageLoader(pathname, role)];
  for (const load of loaders) if (load) setTimeout(() => load().catch(() => undefined), 0);
}
