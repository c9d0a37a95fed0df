// The whole client: router, sign-in state, the routes, and the service worker's messages on every screen.
import { BrowserRouter } from 'react-router';
import { OfflineReadyToast, UpdatePrompt } from '../ui/pwa-prompts';
import { AuthProvider } from './auth-context';
import { AppRoutes } from './routes';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
        <UpdatePrompt />
        <OfflineReadyToast />
      </AuthProvider>
    </BrowserRouter>
  );
}
