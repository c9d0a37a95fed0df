// Entry point: styles, translations, the service worker, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app/app';
import './i18n';
import { startPwa } from './pwa';
import './ui/app.css';

startPwa(registerSW);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
