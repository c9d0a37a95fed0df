import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  filtersFromParams,
  paramsFromFilters,
  periodBounds,
} from '#client/features/review/queue-filters.ts';

describe('the review queue filters', () => {
  it('read back from the address exactly as they were written', () => {
    const params = new URLSearchParams(
      'tab=returned&unit=u1&topic=t1&format=talk&period=custom&from=2026-01-01&to=2026-03-31',
    );
    const filters = filtersFromParams(params);
    expect(filters).toEqual({
      tab: 'returned',
      unitId: 'u1',
      topicId: 't1',
      format: 'talk',
      period: 'custom',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(paramsFromFilters(filters).toString()).toBe(params.toString());
    expect(activeFilterCount(filters)).toBe(4);
  });

  it('ignore values they do not know, and default to the waiting tab at any time', () => {
    const filters = filtersFromParams(new URLSearchParams('tab=deleted&format=party&period=forever&from=yesterday'));
    expect(filters).toEqual({ tab: 'submitted', unitId: '', topicId: '', format: '', period: '', from: '', to: '' });
    expect(paramsFromFilters(filters).toString()).toBe('');
  });

  it('turn a period into start-date bounds in the calendar of the day', () => {
    const today = '2026-08-15';
    expect(periodBounds({ period: '', from: '', to: '' }, today)).toEqual({ from: '', to: '' });
    expect(periodBounds({ period: 'thisMonth', from: '', to: '' }, today)).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(periodBounds({ period: 'thisQuarter', from: '', to: '' }, today)).toEqual({
      from: '2026-07-01',
      to: '2026-09-31',
    });
    expect(periodBounds({ period: 'thisYear', from: '', to: '' }, today)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(periodBounds({ period: 'custom', from: '2026-02-01', to: '' }, today)).toEqual({
      from: '2026-02-01',
      to: '',
    });
  });
});
