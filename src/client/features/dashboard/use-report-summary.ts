// The report summary for a query string, from GET /api/reports/summary. Figures need the server, so the
// last loaded summaries are kept for this tab (sessionStorage, per user): offline, the dashboard shows
// the ones for the same filters, or else the most recent, and says which.
import { useCallback, useEffect, useState } from 'react';
import { reportSummarySchema, type ReportSummary } from '#domain/schemas/report';
import { apiFetch, NetworkError } from '#client/sync/api.ts';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';

export interface CachedSummary {
  query: string;
  summary: ReportSummary;
  /** ISO instant of the answer. */
  loadedAt: string;
}

export interface SummaryState {
  /** The figures to show, fresh or cached; null when there are none at all. */
  shown: CachedSummary | null;
  loading: boolean;
  /** No server to ask (offline, or the request never got an answer). */
  offline: boolean;
  /** The server refused or failed: the error to explain. */
  error: unknown;
  reload: () => void;
}

const maxCached = 8;
const storageKey = (userId: string) => `tlb.reportSummaries.${userId}`;

export function useReportSummary(userId: string, query: string): SummaryState {
  const online = useOnlineStatus();
  const [result, setResult] = useState<{
    query: string;
    loading: boolean;
    failed: 'offline' | 'error' | null;
    error: unknown;
  }>({ query, loading: online, failed: null, error: null });
  const [attempt, setAttempt] = useState(0);
  // Also held in memory: sessionStorage may be full or refused, and the figures must still show.
  const [fresh, setFresh] = useState<CachedSummary | null>(null);

  useEffect(() => {
    if (!online) {
      setResult({ query, loading: false, failed: 'offline', error: null });
      return;
    }
    const controller = new AbortController();
    setResult({ query, loading: true, failed: null, error: null });
    apiFetch(`/api/reports/summary?${query}`, { schema: reportSummarySchema, signal: controller.signal }).then(
      (summary) => {
        const entry = { query, summary, loadedAt: new Date().toISOString() };
        remember(userId, entry);
        setFresh(entry);
        setResult({ query, loading: false, failed: null, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const offline = error instanceof NetworkError;
        setResult({ query, loading: false, failed: offline ? 'offline' : 'error', error: offline ? null : error });
      },
    );
    return () => controller.abort();
  }, [userId, query, online, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const cached = readCache(userId);
  const exact = fresh?.query === query ? fresh : (cached.find((entry) => entry.query === query) ?? null);
  // Offline, the most recent figures are better than none, as long as the page says they differ.
  const latest = fresh ?? cached[0] ?? null;
  const shown = exact ?? (result.failed === 'offline' ? latest : null);
  return {
    shown,
    loading: result.loading || result.query !== query,
    offline: result.failed === 'offline',
    error: result.error,
    reload,
  };
}

function readCache(userId: string): CachedSummary[] {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as CachedSummary[]) : [];
  } catch {
    return [];
  }
}

function remember(userId: string, entry: CachedSummary): void {
  const rest = readCache(userId).filter((cached) => cached.query !== entry.query);
  try {
    sessionStorage.setItem(storageKey(userId), JSON.stringify([entry, ...rest].slice(0, maxCached)));
  } catch {
    // Storage full or private mode: the figures still show until the page is left.
  }
}
