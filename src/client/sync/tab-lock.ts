// Browser facilities around a sync run: the Web Lock that lets one tab sync at a time, and Background
// Sync, which lets the browser wake the service worker when the network returns. Both are optional:
// without them each tab syncs on its own triggers.

/** Only one tab syncs at a time; without Web Locks (old browsers) each tab just runs. */
export async function withSyncLock(run: () => Promise<void>): Promise<'ran' | 'busy'> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.request) {
    await run();
    return 'ran';
  }
  return locks.request('tlb-sync', { ifAvailable: true }, async (lock) => {
    if (!lock) return 'busy' as const;
    await run();
    return 'ran' as const;
  });
}

/** Best effort: lets the browser wake the service worker to sync once the network is back. */
export async function registerBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as { sync?: { register: (tag: string) => Promise<void> } } | undefined)?.sync;
    await sync?.register('tlb-sync');
  } catch {
    // Background Sync is an optimisation; the scheduler's own triggers still run.
  }
}
