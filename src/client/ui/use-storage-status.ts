// What the browser says about this device's storage: whether it promised to keep our data
// (`persisted`, null when the browser cannot tell) and how much is used of the quota. Shown in settings
// and on the sync page.
import { useCallback, useEffect, useState } from 'react';

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function useStorageStatus() {
  const [status, setStatus] = useState<StorageStatus>({ persisted: null, usage: null, quota: null });
  const refresh = useCallback(() => {
    void readStorageStatus().then(setStatus);
  }, []);
  useEffect(refresh, [refresh]);

  const canRequest = status.persisted === false && typeof navigator.storage?.persist === 'function';
  const requestPersistence = useCallback(async () => {
    await navigator.storage?.persist?.().catch(() => false);
    refresh();
  }, [refresh]);
  return { ...status, canRequest, requestPersistence };
}
