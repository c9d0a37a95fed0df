import { describe, expect, it } from 'vitest';
import { daysBetweenInclusive, todayIn } from '#domain/rules/dates';

describe('todayIn', () => {
  it('gives the calendar date in Vietnam, which runs seven hours ahead of UTC', () => {
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2026-03-07T18:30:00Z'))).toBe('2026-03-08');
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2026-03-07T16:59:59Z'))).toBe('2026-03-07');
  });

  it('agrees with the browser’s Vietnam time zone at every hour of a year (the fixed UTC+7 shortcut)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 2); at += 3_600_000) {
      expect(todayIn('Asia/Ho_Chi_Minh', new Date(at))).toBe(zone.format(new Date(at)));
    }
  });

  it('uses Vietnam by default and honours another zone', () => {
    expect(todayIn(undefined, new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(todayIn('UTC', new Date('2026-12-31T17:00:00Z'))).toBe('2026-12-31');
  });
});

describe('daysBetweenInclusive', () => {
  it('counts both ends', () => {
    expect(daysBetweenInclusive('2026-03-08', '2026-03-08')).toBe(1);
    expect(daysBetweenInclusive('2026-03-08', '2026-03-10')).toBe(3);
  });

  it('crosses month ends and leap days', () => {
    expect(daysBetweenInclusive('2028-02-28', '2028-03-01')).toBe(3);
    expect(daysBetweenInclusive('2026-12-31', '2027-01-01')).toBe(2);
  });

  it('gives 0 when the end is before the start and refuses non-dates', () => {
    expect(daysBetweenInclusive('2026-03-10', '2026-03-08')).toBe(0);
    expect(() => daysBetweenInclusive('soon', '2026-03-08')).toThrow(RangeError);
  });
});
