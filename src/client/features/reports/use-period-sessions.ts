// The sessions on this device that match the report filters, newest first: the reports page lists them
// with a link to each one's printable attendance sheet. Reads the local database, so it works offline.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalSession } from '#client/db/local-rows.ts';
import { getUserDb } from '#client/db/database.ts';
import type { Unit } from '#domain/schemas/reference';
import { unitTree, type ReportFilters } from '#client/ui/report-filters.ts';

export interface PeriodSessions {
  sessions: LocalSession[];
  loaded: boolean;
}

export function usePeriodSessions(filters: ReportFilters, units: readonly Unit[]): PeriodSessions {
  const { from, to, unitId, topicId, format, status } = filters;
  const result = useLiveQuery(async () => {
    const inUnits = unitId ? new Set(unitTree(units, unitId).map((option) => option.unit.id)) : null;
    const statuses = status === 'approved' ? ['approved'] : ['submitted', 'approved'];
    const rows = await getUserDb()
      .sessions.where('startDate')
      .between(from || '0000-01-01', to || '9999-12-31', true, true)
      .filter(
        (s) =>
          statuses.includes(s.status) &&
          (!inUnits || inUnits.has(s.unitId) || s.unitId === unitId) &&
          (!topicId || s.topicIds.includes(topicId)) &&
          (!format || s.format === format),
      )
      .toArray();
    return rows.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title, 'vi'));
  }, [from, to, unitId, topicId, format, status, units]);
  return { sessions: result ?? [], loaded: result !== undefined };
}
