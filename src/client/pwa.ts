// The installable, offline side of the app: registers the service worker, tells the interface when a
// new version waits (the user decides when to update: a silent reload could lose the form in progress,
// see docs/lessons.md), and keeps the browser's install prompt for an "install" button.
// main.tsx passes in `registerSW` from 'virtual:pwa-register' so this module stays importable in tests.
import { useSyncExternalStore } from 'react';
import type { registerSW as RegisterSW } from 'virtual:pwa-register';

/** Chromium's install prompt event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
  canInstall: boolean;
}

let state: PwaState = { needRefresh: false, offlineReady: false, canInstall: false };
const listeners = new Set<() => void>();
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;
let installEvent: BeforeInstallPromptEvent | null = null;
let started = false;

function setState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers the service worker and listens for the install prompt. Call once, before rendering. */
export function startPwa(registerSW: typeof RegisterSW): void {
  if (started) return;
  started = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the prompt for our own button instead of the browser's mini-infobar.
    event.preventDefault();
    installEvent = event as BeforeInstallPromptEvent;
    setState({ canInstall: true });
  });
  window.addEventListener('appinstalled', () => {
    installEvent = null;
    setState({ canInstall: false });
  });
  updateServiceWorker = registerSW({
    onNeedRefresh: () => setState({ needRefresh: true }),
    onOfflineReady: () => setState({ offlineReady: true }),
  });
}

/** Activates the waiting service worker; the page reloads once it has taken control. */
export async function updateApp(): Promise<void> {
  await updateServiceWorker?.(true);
}

/** Shows the browser's install dialog; resolves to whether the user accepted. */
export async function installApp(): Promise<boolean> {
  const event = installEvent;
  if (!event) return false;
  await event.prompt();
  const { outcome } = await event.userChoice;
  // A prompt can be used only once.
  installEvent = null;
  setState({ canInstall: false });
  return outcome === 'accepted';
}

export function dismissOfflineReady(): void {
  setState({ offlineReady: false });
}

export function isIosDevice(): boolean {
  if (typeof navigator === 'undefined') return false;
  // iPadOS reports itself as a Mac; a Mac has no touch screen.
  return (
    /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1)
  );
}

export function isStandaloneDisplay(): boolean {
  if (typeof window === 'undefined') return false;
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

export function usePwa() {
  const snapshot = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
  return {
    needRefresh: snapshot.needRefresh,
    offlineReady: snapshot.offlineReady,
    canInstall: snapshot.canInstall,
    isIos: isIosDevice(),
    isStandalone: isStandaloneDisplay(),
    update: updateApp,
    install: installApp,
    dismissOfflineReady,
  };
}
