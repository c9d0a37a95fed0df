// A list the admin API owns (users, units, topics): loaded once online, reloaded on demand, and patched
// in place with what a create or update answered, so the screen shows a change at once.
import { useCallback, useEffect, useState } from 'react';
import { NetworkError } from '#client/sync/api.ts';

export interface AdminList<T> {
  items: readonly T[] | null;
  offline: boolean;
  error: unknown;
  reload: () => void;
  /** Adds the record, or replaces the one with its id. */
  put: (item: T) => void;
}

export function useAdminList<T extends { id: string }>(
  load: (signal: AbortSignal) => Promise<T[]>,
  online: boolean,
): AdminList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    setFailure(null);
    load(controller.signal).then(setItems, (error: unknown) => {
      if (!controller.signal.aborted) setFailure(error);
    });
    return () => controller.abort();
  }, [load, online, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const put = useCallback((item: T) => {
    setItems((current) => {
      const list = current ?? [];
      return list.some((existing) => existing.id === item.id)
        ? list.map((existing) => (existing.id === item.id ? item : existing))
        : [...list, item];
    });
  }, []);
  const offline = !online || failure instanceof NetworkError;
  return { items, offline, error: offline ? null : failure, reload, put };
}
