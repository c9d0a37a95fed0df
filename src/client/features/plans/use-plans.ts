// The plans of a year: from the admin API when online (the truth, and what editing changes), from the
// local database (pulled) when offline, read-only. A saved plan replaces its row at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { plansListSchema } from '#domain/schemas/admin';
import type { Plan } from '#domain/schemas/reference';
import { getUserDb } from '#client/db/database.ts';
import { apiFetch, NetworkError } from '#client/sync/api.ts';

export interface PlansState {
  plans: readonly Plan[];
  /** Where the list came from: the server, or this device while offline. */
  source: 'server' | 'device';
  loading: boolean;
  error: unknown;
  replace: (plan: Plan) => void;
  reload: () => void;
}

export function usePlans(year: number, online: boolean): PlansState {
  const [server, setServer] = useState<{ year: number; plans: Plan[] } | null>(null);
  const [failure, setFailure] = useState<{ offline: boolean; error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const local = useLiveQuery(
    () =>
      getUserDb()
        .plans.filter((plan) => plan.year === year)
        .toArray(),
    [year],
  );

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    setFailure(null);
    apiFetch(`/api/admin/plans?year=${year}`, { schema: plansListSchema, signal: controller.signal }).then(
      ({ plans }) => setServer({ year, plans }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFailure({ offline: error instanceof NetworkError, error });
      },
    );
    return () => controller.abort();
  }, [year, online, attempt]);

  const replace = useCallback((plan: Plan) => {
    setServer((current) =>
      current ? { ...current, plans: [...current.plans.filter((p) => p.id !== plan.id), plan] } : current,
    );
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const fromServer = online && !failure?.offline && server?.year === year;
  return {
    plans: fromServer ? server.plans : (local ?? []),
    source: fromServer ? 'server' : 'device',
    loading: online && !failure && server?.year !== year,
    error: failure && !failure.offline ? failure.error : null,
    replace,
    reload,
  };
}
