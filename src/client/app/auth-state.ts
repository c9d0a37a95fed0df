// What every screen reads about who is signed in (`useAuth`), kept apart from the provider that fills it
// (auth-context.tsx): the sign-in page needs the shape alone, not the provider's schemas and database.
import { createContext, useContext } from 'react';
import type { User } from '#domain/schemas/auth';

/** 'loading': the user is known but their database is not open yet; pages wait for 'signed-in'. */
export type AuthStatus = 'loading' | 'signed-out' | 'signed-in';

export interface AuthValue {
  user: User | null;
  status: AuthStatus;
  /** The server no longer accepts this device's session: sync waits until the user signs in again. */
  needsSignIn: boolean;
  /** Resolves with the user; rejects with ApiRequestError or NetworkError from the API client. */
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** For the sync engine: a 401 means "sign in again", not "delete anything". */
  markSignInNeeded: () => void;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
