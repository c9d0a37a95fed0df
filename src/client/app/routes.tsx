// The route table: every address of the app and the page it shows. Only the sign-in page is in the
// first download; the signed-in frame and every page (and with them Dexie and the reference data) are
// loaded on demand, so a 2G first load stays small. The service worker precaches every chunk, so
// offline nothing is missing. Organiser pages never load on a trainer's phone.
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { Loading } from '../ui/loading';
import { organiserRoles } from './navigation';
import { loadLayout, loadReviewQueuePage, loadSessionListPage } from './page-loaders';
import { HomeRedirect, RequireRole, RequireSignIn, SignInRoute } from './route-guards';

/** React.lazy for a module's named export. */
function lazyNamed<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const Layout = lazyNamed(loadLayout, 'Layout');
const NotFoundPage = lazyNamed(() => import('./not-found-page'), 'NotFoundPage');
// Everyone
const SyncPage = lazyNamed(() => import('../features/sync-status/sync-page'), 'SyncPage');
const SettingsPage = lazyNamed(() => import('../features/settings/settings-page'), 'SettingsPage');
// Trainer
const SessionListPage = lazyNamed(loadSessionListPage, 'SessionListPage');
const SessionEditorPage = lazyNamed(() => import('../features/sessions/session-editor-page'), 'SessionEditorPage');
const RosterPage = lazyNamed(() => import('../features/attendance/roster-page'), 'RosterPage');
const PhotosPage = lazyNamed(() => import('../features/photos/photos-page'), 'PhotosPage');
const ParticipantListPage = lazyNamed(
  () => import('../features/participants/participant-list-page'),
  'ParticipantListPage',
);
const ParticipantPage = lazyNamed(() => import('../features/participants/participant-page'), 'ParticipantPage');
// Organiser and admin
const ReviewQueuePage = lazyNamed(loadReviewQueuePage, 'ReviewQueuePage');
const ReviewSessionPage = lazyNamed(() => import('../features/review/review-session-page'), 'ReviewSessionPage');
const DashboardPage = lazyNamed(() => import('../features/dashboard/dashboard-page'), 'DashboardPage');
const ReportsPage = lazyNamed(() => import('../features/reports/reports-page'), 'ReportsPage');
const PrintSheetPage = lazyNamed(() => import('../features/reports/print-sheet-page'), 'PrintSheetPage');
const PlansPage = lazyNamed(() => import('../features/plans/plans-page'), 'PlansPage');
const AdminPage = lazyNamed(() => import('../features/admin/admin-page'), 'AdminPage');
const DuplicatesPage = lazyNamed(() => import('../features/people/duplicates-page'), 'DuplicatesPage');

const trainerRoles = ['trainer'] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <SignInRoute>
            <SignInPage />
          </SignInRoute>
        }
      />
      <Route
        element={
          <RequireSignIn>
            <Suspense fallback={<Loading />}>
              <Layout />
            </Suspense>
          </RequireSignIn>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route element={<RequireRole roles={trainerRoles} />}>
          <Route path="sessions" element={<SessionListPage />} />
          <Route path="sessions/new" element={<SessionEditorPage />} />
          <Route path="sessions/:id" element={<SessionEditorPage />} />
          <Route path="sessions/:id/roster" element={<RosterPage />} />
          <Route path="sessions/:id/photos" element={<PhotosPage />} />
          <Route path="participants" element={<ParticipantListPage />} />
          <Route path="participants/:id" element={<ParticipantPage />} />
        </Route>
        <Route element={<RequireRole roles={organiserRoles} />}>
          <Route path="review" element={<ReviewQueuePage />} />
          <Route path="review/:id" element={<ReviewSessionPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="plans" element={<PlansPage />} />
          <Route path="people/duplicates" element={<DuplicatesPage />} />
          <Route path="sessions/:id/print" element={<PrintSheetPage />} />
          {/* Admins manage everything; organisers see the topics of their space there. */}
          <Route path="admin" element={<AdminPage />} />
        </Route>
        {/* Everyone syncs (an organiser's review is a mutation too) and has settings. */}
        <Route path="sync" element={<SyncPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
