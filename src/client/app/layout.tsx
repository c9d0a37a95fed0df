// The signed-in frame: top bar (the unit's short name, or the app's, and the sync chip), the role's
// navigation, the page, and the messages that concern every page (sign in again, install the app).
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { InstallCard } from '../features/auth/install-card';
import { SyncChip } from '../features/sync-status/sync-chip';
import { Banner } from '../ui/banner';
import { ButtonLink } from '../ui/button-link';
import { Loading } from '../ui/loading';
import { useAuth } from './auth-state';
import { keepFirstScreen } from './first-screen';
import { NavBar } from './nav-bar';
import { SyncRunner } from './sync-runner';
import { homePathFor, navItemsFor, usesBottomNav } from './navigation';
import { useOwnUnit } from './use-own-unit';

/** How long the home screen stays unchanged before its copy is kept (a list settling after a sync). */
const KEEP_AFTER_MS = 1000;

/**
 * On the role's home page, keeps a copy of the screen whenever it has settled, and at once when the app is
 * left (first-screen.ts): the next start paints it before the code has run. The sync chip is not in the
 * copy, so its changes do not count.
 */
function useKeepFirstScreen(userId: string | undefined, homePath: string | undefined, address: string) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const root = document.getElementById('root');
    if (!userId || !homePath || address !== homePath || !root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = () => {
      clearTimeout(timer);
      keepFirstScreen(root, homePath, userId, language);
    };
    const keepLater = (records: MutationRecord[] = []) => {
      const inChip = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.chip');
      if (records.length > 0 && records.every((record) => inChip(record.target))) return;
      clearTimeout(timer);
      timer = setTimeout(keep, KEEP_AFTER_MS);
    };
    const keepIfHidden = () => {
      if (document.visibilityState === 'hidden') keep();
    };
    const observer = new MutationObserver(keepLater);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    document.addEventListener('visibilitychange', keepIfHidden);
    window.addEventListener('pagehide', keep);
    keepLater();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', keepIfHidden);
      window.removeEventListener('pagehide', keep);
    };
  }, [userId, homePath, address, language]);
}

export function Layout() {
  const { t } = useTranslation();
  const { user, needsSignIn } = useAuth();
  const location = useLocation();
  const unit = useOwnUnit();
  // The home as it opens: not a tab or filter chosen in its address.
  useKeepFirstScreen(user?.id, user ? homePathFor(user.role) : undefined, location.pathname + location.search);
  if (!user) return null;
  const bottomNav = usesBottomNav(user.role);
  const items = navItemsFor(user.role);
  return (
    <div className={bottomNav ? 'shell shell--bottom-nav' : 'shell shell--side-nav'}>
      <SyncRunner />
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top-bar">
        <span className="top-bar__title">{unit?.shortName ?? t('appName')}</span>
        <SyncChip />
      </header>
      {!bottomNav && <NavBar items={items} placement="side" />}
      <main id="main" className="shell__main" tabIndex={-1}>
        <div className="shell__notices">
          {needsSignIn && (
            <Banner
              tone="warning"
              action={
                <ButtonLink to="/login" state={{ from: location.pathname }} variant="primary">
                  {t('reauth.action')}
                </ButtonLink>
              }
            >
              {t('reauth.message')}
            </Banner>
          )}
          <InstallCard />
        </div>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      {bottomNav && <NavBar items={items} placement="bottom" />}
    </div>
  );
}
