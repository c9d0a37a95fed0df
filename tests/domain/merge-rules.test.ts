// What a merge keeps and how likely a pair is one person (issue 13): pure rules shared by the server's merge
// and the duplicate finder.
import { describe, expect, it } from 'vitest';
import { confidenceOf, isLikelyPair, scorePair, type PairFacts } from '#domain/rules/duplicate-score';
import { earliestConsent, joinDays, mergedEthnicity } from '#domain/rules/merge-rules';
import { nameKey, nameVariantKey, phoneKey } from '#domain/rules/person-keys';

const none: PairFacts = {
  sameName: false,
  nameVariant: false,
  sameBirthYear: false,
  differentBirthYear: false,
  samePhone: false,
  differentGender: false,
};

describe('person keys', () => {
  it('folds a name however it is typed, keeps its first and last word, and reads +84 as 0', () => {
    expect(nameKey('  Nguyễn Thị  HOÀ ')).toBe(nameKey('nguyen thi hoa'));
    expect(nameKey("H'Mông Đức")).toBe('hmongduc');
    expect(nameVariantKey('Nguyễn Thị Hoà')).toBe(nameVariantKey('Nguyen Hoa'));
    expect(nameVariantKey("'")).toBeNull();
    expect(phoneKey('+84 912 345 678')).toBe('0912345678');
    expect(phoneKey('0912.345.678')).toBe('0912345678');
    expect(phoneKey('')).toBeNull();
  });
});

describe('duplicate score', () => {
  it('rates the same name with birth year and phone highest, a name variant lower, and doubts against', () => {
    expect(scorePair({ ...none, sameName: true, sameBirthYear: true, samePhone: true })).toMatchObject({
      score: 100,
      confidence: 'high',
    });
    expect(scorePair({ ...none, sameName: true, sameBirthYear: true }).score).toBe(80);
    expect(scorePair({ ...none, nameVariant: true, sameBirthYear: true })).toMatchObject({
      score: 55,
      confidence: 'medium',
    });
    expect(scorePair({ ...none, sameName: true, sameBirthYear: true, differentGender: true }).confidence).toBe('low');
    expect(scorePair({ ...none, samePhone: true, differentBirthYear: true }).score).toBe(0);
    expect(confidenceOf(79)).toBe('medium');
  });

  it('shows only a name with the same birth year, or a shared phone', () => {
    expect(isLikelyPair({ ...none, sameName: true })).toBe(false);
    expect(isLikelyPair({ ...none, sameName: true, differentBirthYear: true })).toBe(false);
    expect(isLikelyPair({ ...none, nameVariant: true, sameBirthYear: true })).toBe(true);
    expect(isLikelyPair({ ...none, samePhone: true })).toBe(true);
  });
});

describe('merge rules', () => {
  it('joins the days of two rows; every day (null) absorbs any list', () => {
    expect(joinDays([3, 1], [2, 1])).toEqual([1, 2, 3]);
    expect(joinDays(null, [2])).toBeNull();
  });

  it("keeps the earliest consent, the kept record's on a tie", () => {
    const kept = { method: 'signed' as const, at: '2026-02-01' };
    expect(earliestConsent([kept, { method: 'oral-witnessed', at: '2025-12-31' }])).toEqual({
      method: 'oral-witnessed',
      at: '2025-12-31',
    });
    expect(earliestConsent([kept, { method: 'guardian', at: '2026-02-01' }])).toBe(kept);
  });

  it('lets ethnicity fill a blank within one unit, and never cross units unless every record answers alike', () => {
    const a = (unitId: string, ethnicity: '03' | '08' | null) => ({ unitId, ethnicity });
    expect(mergedEthnicity(a('u1', null), [a('u1', '03')])).toEqual({ ok: true, ethnicity: '03' });
    expect(mergedEthnicity(a('u1', null), [a('u1', '03'), a('u1', '08')])).toEqual({ ok: true, ethnicity: null });
    expect(mergedEthnicity(a('u1', '03'), [a('u2', '03')])).toEqual({ ok: true, ethnicity: '03' });
    expect(mergedEthnicity(a('u1', '03'), [a('u2', null)])).toEqual({ ok: false });
    expect(mergedEthnicity(a('u1', '03'), [a('u2', '08')])).toEqual({ ok: false });
  });
});
