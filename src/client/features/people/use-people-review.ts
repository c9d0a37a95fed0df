// The duplicates screen's data: the likely duplicates and the recent merges, both from the server (the
// whole province's registries are not on an organiser's device), reloaded together after a merge or undo.
import { useCallback, useEffect, useState } from 'react';
import type { DuplicateGroup, MergeListItem } from '#domain/schemas/people';
import { loadDuplicates, loadRecentMerges } from './people-api';

export interface PeopleReview {
  groups: DuplicateGroup[];
  merges: MergeListItem[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function usePeopleReview(online: boolean): PeopleReview {
  const [state, setState] = useState<{ groups: DuplicateGroup[]; merges: MergeListItem[] }>({ groups: [], merges: [] });
  const [loading, setLoading] = useState(online);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!online) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    Promise.all([loadDuplicates(controller.signal), loadRecentMerges(controller.signal)]).then(
      ([groups, merges]) => {
        setState({ groups, merges });
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [online, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, loading, error, reload };
}
