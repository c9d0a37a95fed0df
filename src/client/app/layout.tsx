// The signed-in frame: top bar (the unit's short name, or the app's, and the sync chip), the role's
// navigation, the page, and the messages that concern every page (sign in again, install the app).
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { InstallCard } from '../features/auth/install-card';
import { SyncChip } from '../features/sync-status/sync-chip';
import { Banner } from '../ui/banner';
import { ButtonLink } from '../ui/button-link';
import { Loading } from '../ui/loading';
import { useAuth } from './auth-state';
import { NavBar } from './nav-bar';
import { SyncRunner } from './sync-runner';
import { navItemsFor, usesBottomNav } from './navigation';
import { useOwnUnit } from './use-own-unit';

export function Layout() {
  const { t } = useTranslation();
  const { user, needsSignIn } = useAuth();
  const location = useLocation();
  const unit = useOwnUnit();
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
