// The whole client, for someone signed in on this device: router, sign-in state, the routes, and the
// service worker's messages on every screen. The service worker is registered here, never on the first
// sign-in screen (sign-in-app.tsx): it says "ready to use offline", which is true only after a sign-in.
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { registerSW } from 'virtual:pwa-register';
import { startPwa } from '../pwa';
import { OfflineReadyToast, UpdatePrompt } from '../ui/pwa-prompts';
import { AuthProvider } from './auth-context';
import { AppRoutes } from './routes';

export function App() {
  useEffect(() => startPwa(registerSW), []);
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
