import { describe, expect, it } from 'vitest';
import { groupByPeriod } from '#client/features/sessions/session-groups.ts';

const item = (id: string, startDate: string, endDate = startDate) => ({ id, session: { startDate, endDate } });
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe("the trainer's list groups sessions by their dates", () => {
  it('puts today and upcoming soonest first, and past most recently ended first', () => {
    const groups = groupByPeriod(
      [
        item('next-month', '2026-08-03'),
        item('tomorrow', '2026-07-11'),
        item('last-year', '2025-07-10'),
        item('spans-today', '2026-07-09', '2026-07-11'),
        item('today', '2026-07-10'),
        item('last-week', '2026-07-01', '2026-07-03'),
        item('ended-last-week-started-earlier', '2026-06-28', '2026-07-03'),
        item('yesterday', '2026-07-09'),
      ],
      '2026-07-10',
    );

    expect(ids(groups.today)).toEqual(['spans-today', 'today']);
    expect(ids(groups.upcoming)).toEqual(['tomorrow', 'next-month']);
    expect(ids(groups.past)).toEqual(['yesterday', 'last-week', 'ended-last-week-started-earlier', 'last-year']);
  });
});
