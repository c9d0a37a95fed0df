import { describe, expect, it } from 'vitest';
import { groupForList } from '#client/features/sessions/session-groups.ts';

const item = (id: string, startDate: string, endDate = startDate, marks: Partial<Marks> = {}) => ({
  id,
  session: { startDate, endDate, status: 'approved' as const, pending: false, rejected: false, ...marks },
});
type Marks = { status: 'draft' | 'submitted' | 'returned' | 'approved'; pending: boolean; rejected: boolean };
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe("the trainer's list groups sessions by their dates", () => {
  it('puts today and upcoming soonest first, and past most recently ended first', () => {
    const groups = groupForList(
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
    expect(groups.attention).toEqual([]);
  });

  it('puts first, most recent first, what the organiser returned or the server refused, whatever its dates', () => {
    const groups = groupForList(
      [
        item('returned-last-month', '2026-06-10', '2026-06-10', { status: 'returned' }),
        item('refused-tomorrow', '2026-07-11', '2026-07-11', { status: 'draft', pending: true, rejected: true }),
        item('submitted-yesterday', '2026-07-09', '2026-07-09', { status: 'submitted' }),
        item('unsent-today', '2026-07-10', '2026-07-10', { status: 'draft', pending: true }),
      ],
      '2026-07-10',
    );
    expect(ids(groups.attention)).toEqual(['refused-tomorrow', 'returned-last-month']);
    expect(ids(groups.today)).toEqual(['unsent-today']);
    expect(ids(groups.upcoming)).toEqual([]);
    expect(ids(groups.past)).toEqual(['submitted-yesterday']);
  });
});
