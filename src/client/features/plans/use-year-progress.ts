// What each unit has achieved in a year: one report summary for the user's scope (GET
// /api/reports/summary), whose by-unit figures count each session at its own unit, rolled up here so a
// unit's figure includes every unit under it. Needs the server: offline there is no progress to show.
import { useEffect, useMemo, useState } from 'react';
import { reportSummarySchema, type ReportSummary } from '#domain/schemas/report';
import type { Unit } from '#domain/schemas/reference';
import { apiFetch } from '#client/sync/api.ts';
import { unitTree } from '#client/ui/report-filters.ts';

export interface Achieved {
  sessions: number;
  participantTurns: number;
}

export interface YearProgress {
  achievedBy: (unitId: string) => Achieved | null;
  error: unknown;
}

export function useYearProgress(
  { year, rootUnitId, topicId, online }: { year: number; rootUnitId: string | null; topicId: string; online: boolean },
  units: readonly Unit[],
): YearProgress {
  const [result, setResult] = useState<{ key: string; summary: ReportSummary | null; error: unknown } | null>(null);
  const params = new URLSearchParams({ from: `${year}-01-01`, to: `${year}-12-31` });
  if (rootUnitId) params.set('unitId', rootUnitId);
  if (topicId) params.set('topicId', topicId);
  const key = params.toString();

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    apiFetch(`/api/reports/summary?${key}`, { schema: reportSummarySchema, signal: controller.signal }).then(
      (summary) => setResult({ key, summary, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, summary: null, error });
      },
    );
    return () => controller.abort();
  }, [key, online]);

  const summary = online && result?.key === key ? result.summary : null;
  const achievedBy = useMemo(() => {
    const own = new Map(summary?.byUnit.map((b) => [b.unitId, b]) ?? []);
    return (unitId: string): Achieved | null => {
      if (!summary) return null;
      let sessions = 0;
      let participantTurns = 0;
      for (const { unit } of unitTree(units, unitId)) {
        sessions += own.get(unit.id)?.sessions ?? 0;
        participantTurns += own.get(unit.id)?.participantTurns ?? 0;
      }
      return { sessions, participantTurns };
    };
  }, [summary, units]);
  return { achievedBy, error: online && result?.key === key ? result.error : null };
}
