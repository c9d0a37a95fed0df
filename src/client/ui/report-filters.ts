// The filters an organiser's dashboard, reports and exports share (docs/api.md report query): a period
// (this year by default), a unit of their subtree, a topic, a format and which statuses count. They
// live in sessionStorage per user, so moving from the dashboard to the reports page keeps them.
// Organiser screens only: nothing on a trainer's first load imports this.
import { useCallback, useState } from 'react';
import { todayIn } from '#domain/rules/dates';
import type { Unit } from '#domain/schemas/reference';
import type { SessionFormat } from '#domain/schemas/session';

export const periodPresets = ['thisYear', 'lastYear', 'thisQuarter', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** Which statuses count: submitted and approved (the API's default), or approved only. */
export const statusChoices = ['submittedApproved', 'approved'] as const;
export type StatusChoice = (typeof statusChoices)[number];

export interface ReportFilters {
  period: PeriodPreset;
  /** Inclusive `YYYY-MM-DD` bounds on a session's start date. */
  from: string;
  to: string;
  /** '' means every unit the user may see. */
  unitId: string;
  topicId: string;
  format: SessionFormat | '';
  status: StatusChoice;
}

/** The dates a preset covers, counted in Vietnam's calendar (07:00 in Hà Nội is still yesterday in UTC). */
export function periodRange(period: Exclude<PeriodPreset, 'custom'>, today = todayIn()): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (period === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  if (period === 'thisYear') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const quarterStart = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  const lastMonth = quarterStart + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(quarterStart)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

export function initialReportFilters(unitId: string, today = todayIn()): ReportFilters {
  return {
    period: 'thisYear',
    ...periodRange('thisYear', today),
    unitId,
    topicId: '',
    format: '',
    status: 'submittedApproved',
  };
}

/** Applies a change; choosing a preset recomputes its dates, editing a date makes the period custom. */
export function changeReportFilters(
  filters: ReportFilters,
  change: Partial<ReportFilters>,
  today = todayIn(),
): ReportFilters {
  const next = { ...filters, ...change };
  if (change.period && change.period !== 'custom') return { ...next, ...periodRange(change.period, today) };
  if (change.from !== undefined || change.to !== undefined) return { ...next, period: 'custom' };
  return next;
}

/** The report API's query string (`from`, `to`, `unitId`, `topicId`, `format`, `status`), plus extras. */
export function reportSearchParams(filters: ReportFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.topicId) params.set('topicId', filters.topicId);
  if (filters.format) params.set('format', filters.format);
  params.set('status', filters.status === 'approved' ? 'approved' : 'submitted,approved');
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

/** A unit as a picker shows it: indented under its parent. */
export interface UnitOption {
  unit: Unit;
  depth: number;
}

/**
 * Units depth-first under `rootId`, or under every root when it is null (an admin sees every space).
 * A unit whose parent is not on this device counts as a root.
 */
export function unitTree(units: readonly Unit[], rootId: string | null): UnitOption[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const out: UnitOption[] = [];
  const visit = (unit: Unit, depth: number) => {
    out.push({ unit, depth });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  const root = rootId ? units.find((u) => u.id === rootId) : undefined;
  if (root) visit(root, 0);
  else if (!rootId) for (const top of children.get(null) ?? []) visit(top, 0);
  return out;
}

const storageKey = (userId: string) => `tlb.reportFilters.${userId}`;

/** The filters, remembered for this tab and user; the period preset's dates follow the calendar. */
export function useReportFilters(userId: string, defaultUnitId: string) {
  const [filters, setFilters] = useState<ReportFilters>(
    () => readStored(userId) ?? initialReportFilters(defaultUnitId),
  );
  const update = useCallback(
    (change: Partial<ReportFilters>) => {
      setFilters((current) => {
        const next = changeReportFilters(current, change);
        try {
          sessionStorage.setItem(storageKey(userId), JSON.stringify(next));
        } catch {
          // Private mode: the filters simply reset on the next visit.
        }
        return next;
      });
    },
    [userId],
  );
  return [filters, update] as const;
}

function readStored(userId: string): ReportFilters | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey(userId)) ?? 'null') as ReportFilters | null;
    if (!stored || typeof stored.from !== 'string') return null;
    return stored.period === 'custom' ? stored : { ...stored, ...periodRange(stored.period) };
  } catch {
    return null;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
