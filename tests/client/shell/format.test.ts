import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '#client/i18n.ts';
import { formatBytes, formatDate, formatNumber, formatPercent } from '#client/ui/format.ts';

describe('formatting in the interface language', () => {
  afterEach(() => setLanguage('vi'));

  it('prints Vietnamese numbers and dates the Vietnamese way', async () => {
    await setLanguage('vi');
    expect(formatNumber(83204)).toBe('83.204');
    expect(formatDate('2026-11-22')).toBe('22/11/2026');
    expect(formatPercent(42.5)).toBe('42,5%');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });

  it('follows a switch to English', async () => {
    await setLanguage('en');
    expect(formatNumber(83204)).toBe('83,204');
    expect(formatDate('2026-11-22')).toBe('22/11/2026');
  });

  it('never shifts a calendar date by the device time zone', async () => {
    await setLanguage('vi');
    expect(formatDate('2026-01-01')).toBe('01/01/2026');
  });
});
