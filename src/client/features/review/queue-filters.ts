// The review queue's filters and tab, kept in the address (?tab=returned&unit=…&period=thisYear) so going
// back from a session returns to the same list, and a filtered list can be bookmarked. The queue shows
// every period by default: a review queue must never hide an old submission.
import { todayIn } from '#domain/rules/dates';
import { sessionFormatSchema, type SessionFormat } from '#domain/schemas/session';

export const queueTabs = ['submitted', 'returned', 'approved'] as const;
export type QueueTab = (typeof queueTabs)[number];

export const periodChoices = ['', 'thisMonth', 'thisQuarter', 'thisYear', 'custom'] as const;
export type PeriodChoice = (typeof periodChoices)[number];

export interface QueueFilters {
  tab: QueueTab;
  unitId: string;
  topicId: string;
  format: SessionFormat | '';
  period: PeriodChoice;
  /** For a custom period: inclusive bounds on the session's start date, `YYYY-MM-DD`, or ''. */
  from: string;
  to: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const tab = params.get('tab');
  const format = sessionFormatSchema.safeParse(params.get('format'));
  const date = (key: string) => {
    const value = params.get(key) ?? '';
    return datePattern.test(value) ? value : '';
  };
  const from = date('from');
  const to = date('to');
  const named = periodChoices.find((p) => p !== '' && p === params.get('period'));
  const period = named ?? (from || to ? 'custom' : '');
  return {
    tab: queueTabs.find((t) => t === tab) ?? 'submitted',
    unitId: params.get('unit') ?? '',
    topicId: params.get('topic') ?? '',
    format: format.success ? format.data : '',
    period,
    from: period === 'custom' ? from : '',
    to: period === 'custom' ? to : '',
  };
}

export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tab !== 'submitted') params.set('tab', filters.tab);
  if (filters.unitId) params.set('unit', filters.unitId);
  if (filters.topicId) params.set('topic', filters.topicId);
  if (filters.format) params.set('format', filters.format);
  if (filters.period) params.set('period', filters.period);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  return params;
}

/** How many filters (not counting the tab) narrow the list. */
export function activeFilterCount(filters: QueueFilters): number {
  return [filters.unitId, filters.topicId, filters.format, filters.period].filter((value) => value !== '').length;
}

export function clearedFilters(filters: QueueFilters): QueueFilters {
  return { tab: filters.tab, unitId: '', topicId: '', format: '', period: '', from: '', to: '' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Inclusive start-date bounds of the chosen period ('' for none), in Vietnam's calendar. */
export function periodBounds(
  filters: Pick<QueueFilters, 'period' | 'from' | 'to'>,
  today = todayIn(),
): { from: string; to: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  switch (filters.period) {
    case '':
      return { from: '', to: '' };
    case 'custom':
      return { from: filters.from, to: filters.to };
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'thisMonth':
      // "-31" bounds every month: dates compare as strings.
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-31` };
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-31` };
    }
  }
}
