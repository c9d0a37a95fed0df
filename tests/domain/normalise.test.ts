import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactKey,
  createSearchMatcher,
  foldDiacritics,
  matchesSearch,
  searchKey,
  toAscii,
} from '#domain/rules/normalise';

describe('foldDiacritics', () => {
  it('strips tone and vowel marks, maps đ to d, lowercases and collapses spaces', () => {
    expect(foldDiacritics('  Nguyễn   Thị\tHoà ')).toBe('nguyen thi hoa');
    expect(foldDiacritics('ĐẮK LẮK')).toBe('dak lak');
    expect(foldDiacritics('Phường Ưng Hoà')).toBe('phuong ung hoa');
  });

  it('folds both tone-mark placements and both Unicode forms to the same text', () => {
    const nfd = 'Hòa'.normalize('NFD');
    expect(new Set(['Hoà', 'Hòa', nfd].map(foldDiacritics))).toEqual(new Set(['hoa']));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldDiacritics(foldDiacritics(s)) === foldDiacritics(s)));
  });
});

describe('toAscii', () => {
  it('keeps case while dropping diacritics', () => {
    expect(toAscii('Đắk Lắk')).toBe('Dak Lak');
    expect(toAscii('Con Cuông')).toBe('Con Cuong');
  });
});

describe('searchKey', () => {
  it('folds every spelling of Mông to "hmong"', () => {
    for (const name of ["H'Mông", 'HMông', 'Hmong', 'H-mông', 'H’Mông', 'h.mông']) {
      expect(searchKey(name)).toBe('hmong');
    }
  });

  it('keeps the space between words, which compactKey removes', () => {
    expect(searchKey('Khơ Mú')).toBe('kho mu');
    expect(compactKey('Khơ Mú')).toBe(compactKey('Khơ-mú'));
  });
});

describe('matchesSearch', () => {
  it('finds "Nguyễn Thị Hoà" and "Nguyễn Thị Hòa" from "nguyen thi hoa"', () => {
    expect(matchesSearch('Nguyễn Thị Hoà', 'nguyen thi hoa')).toBe(true);
    expect(matchesSearch('Nguyễn Thị Hòa', 'nguyen thi hoa')).toBe(true);
  });

  it('needs every query token, in any order, anywhere in the text', () => {
    expect(matchesSearch('Nguyễn Thị Hoà — CĐCS Xã Con Cuông', 'hoa cuong')).toBe(true);
    expect(matchesSearch('Nguyễn Thị Hoà', 'nguyen van')).toBe(false);
  });

  it('matches phone numbers whatever their spacing or dots', () => {
    expect(matchesSearch('0912 345 678', '0912345678')).toBe(true);
    expect(matchesSearch('0912.345.678', '345 678')).toBe(true);
    expect(matchesSearch('0912345678', '0912 345')).toBe(true);
    expect(matchesSearch('0912 345 678', '0913')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch('anything', '   ')).toBe(true);
  });

  it('gives the same answers through a reusable matcher', () => {
    const matches = createSearchMatcher('thi hoa');
    expect(['Nguyễn Thị Hoà', 'Lò Văn Hoà'].map(matches)).toEqual([true, false]);
  });
});
