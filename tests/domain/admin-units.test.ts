import { describe, expect, it } from 'vitest';
import {
  ADMIN_SET,
  communeByCode,
  communesOf,
  listProvinces,
  provinceByCode,
  searchCommunes,
} from '#domain/reference/admin-units';
import data from '../../src/domain/reference/admin-units.json';
import { ADMIN_SET as SESSION_ADMIN_SET } from '#domain/schemas/session';

describe('the administrative unit set', () => {
  it('is the 2026-07-25 set the session schema names', () => {
    expect(ADMIN_SET).toBe('2026-07-25');
    expect(ADMIN_SET).toBe(SESSION_ADMIN_SET);
    expect(data.set).toBe(ADMIN_SET);
  });

  it('has 34 provinces and 3,321 communes', () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((n, p) => n + communesOf(p.code).length, 0)).toBe(3321);
  });

  it('has 130 communes in Nghệ An (40) and 99 in Lào Cai (15)', () => {
    expect(provinceByCode('40')).toEqual({ code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An', nameEn: 'Nghe An' });
    expect(communesOf('40')).toHaveLength(130);
    expect(provinceByCode('15')?.name).toBe('Lào Cai');
    expect(communesOf('15')).toHaveLength(99);
  });

  it('looks communes up by code, with full and English names', () => {
    expect(communeByCode('17254')).toEqual({
      code: '17254',
      provinceCode: '40',
      name: 'Con Cuông',
      fullName: 'Xã Con Cuông',
      nameEn: 'Con Cuong',
      kind: 'commune',
    });
    expect(communeByCode('03006')).toMatchObject({ fullName: 'Phường Sa Pa', kind: 'ward', provinceCode: '15' });
    expect(communeByCode('20333')).toMatchObject({
      fullName: 'Đặc khu Hoàng Sa',
      nameEn: 'Paracel',
      kind: 'special-zone',
    });
  });

  it('answers undefined or empty for unknown codes', () => {
    expect(provinceByCode('99')).toBeUndefined();
    expect(communeByCode('00000')).toBeUndefined();
    expect(communesOf('99')).toEqual([]);
  });

  it('gives every commune a distinct code and a full name ending in its name', () => {
    const communes = listProvinces().flatMap((p) => communesOf(p.code));
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    for (const c of communes) expect(c.fullName).toMatch(new RegExp(`^(Xã|Phường|Đặc khu) ${c.name}$`));
  });
});

describe('searchCommunes', () => {
  it('finds Xã Con Cuông in Nghệ An from "con cuong"', () => {
    expect(searchCommunes('con cuong', { provinceCode: '40' })[0]?.fullName).toBe('Xã Con Cuông');
    expect(searchCommunes('con cuong')[0]?.code).toBe('17254');
  });

  it('finds Sa Pa in Lào Cai from "sa pa"', () => {
    expect(searchCommunes('sa pa', { provinceCode: '15' })[0]).toMatchObject({ name: 'Sa Pa', provinceCode: '15' });
  });

  it('finds a commune from the first letters of its name or from its full name', () => {
    expect(searchCommunes('con cu', { provinceCode: '40' })[0]?.name).toBe('Con Cuông');
    expect(searchCommunes('xa con cuong')[0]?.name).toBe('Con Cuông');
  });

  it('ranks names starting with the query before names containing it', () => {
    const names = searchCommunes('son', { provinceCode: '40', limit: 50 }).map((c) => c.name);
    const firstInner = names.findIndex((n) => !/^s[oơ]n/i.test(n.normalize('NFD').replace(/\p{M}/gu, '')));
    expect(firstInner).toBeGreaterThan(0);
    expect(names.slice(firstInner).some((n) => /^s/i.test(n))).toBe(false);
  });

  it('prefers a name whose first word is the query over one that only starts with it', () => {
    expect(searchCommunes('hoa', { provinceCode: '40', limit: 2 }).map((c) => c.name)).toEqual([
      'Hoa Quân',
      'Hoàng Mai',
    ]);
  });

  it('keeps to the province asked for and to the limit', () => {
    const found = searchCommunes('xa', { provinceCode: '15', limit: 5 });
    expect(found).toHaveLength(5);
    expect(found.every((c) => c.provinceCode === '15')).toBe(true);
  });

  it('finds nothing for an empty query', () => {
    expect(searchCommunes(' ')).toEqual([]);
  });
});
