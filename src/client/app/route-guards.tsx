// Route elements that decide who may see what: signed-out people see only /login, each role sees its
// own pages, and "/" sends each role to its home. A page a role may not use redirects to that role's home.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '#domain/schemas/auth';
import { Loading } from '../ui/loading';
import { useAuth } from './auth-state';
import { homePathFor } from './navigation';

interface FromState {
  from?: string;
}

/** Signed-in pages, once the user's database is open. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { user, status } = useAuth();
  const location = useLocation();
  if (!user) {
    const state: FromState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (status !== 'signed-in') return <Loading />;
  return <>{children}</>;
}

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useAuth();
  if (!user) return null;
  if (!roles.includes(user.role)) return <Navigate to={homePathFor(user.role)} replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const { user } = useAuth();
  return user ? <Navigate to={homePathFor(user.role)} replace /> : null;
}

/** /login: the sign-in page, unless already signed in (then back where the user was going). */
export function SignInRoute({ children }: { children: ReactNode }) {
  const { user, needsSignIn } = useAuth();
  const location = useLocation();
  if (user && !needsSignIn) {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : homePathFor(user.role)} replace />;
  }
  return <>{children}</>;
}
