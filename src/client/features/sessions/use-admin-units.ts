// The administrative units (~100 KB of data) load on demand, the first time a form needs them,
// so they stay out of the first download; the service worker precaches the chunk for offline use.
import { useEffect, useState } from 'react';
import type * as AdminUnits from '#domain/reference/admin-units';

export type AdminUnitsModule = typeof AdminUnits;

let loading: Promise<AdminUnitsModule> | undefined;

export function loadAdminUnits(): Promise<AdminUnitsModule> {
  loading ??= import('#domain/reference/admin-units');
  return loading;
}

/** The module once loaded; `failed` when its chunk could not be fetched (offline before caching). */
export function useAdminUnits(): { units: AdminUnitsModule | undefined; failed: boolean } {
  const [units, setUnits] = useState<AdminUnitsModule>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadAdminUnits().then(
      (module) => live && setUnits(module),
      (error: unknown) => {
        console.error('Could not load the administrative units', error);
        loading = undefined;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { units, failed };
}
