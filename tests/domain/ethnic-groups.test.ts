import { describe, expect, it } from 'vitest';
import {
  ETHNICITY_EXTENSIONS,
  ethnicGroupByCode,
  ethnicGroupByKey,
  ethnicGroups,
  findEthnicGroups,
  isEthnicMinority,
} from '#domain/reference/ethnic-groups';
import { ethnicityCodeSchema } from '#domain/schemas/participant';

const codes = Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0'));
const first = (query: string) => findEthnicGroups(query)[0];

describe('the ethnic group table', () => {
  it('holds the 54 groups, each code 01–54 once in both numberings', () => {
    expect(ethnicGroups).toHaveLength(54);
    expect(ethnicGroups.map((g) => g.code2008).sort()).toEqual(codes);
    expect(ethnicGroups.map((g) => g.code1979).sort()).toEqual(codes);
  });

  it('gives every group a distinct stable slug key', () => {
    const keys = ethnicGroups.map((g) => g.key);
    expect(new Set(keys).size).toBe(54);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ethnicGroupByKey('kho-mu')?.code2008).toBe('23');
  });

  it('keeps the 1979 code beside the stored 2008 code', () => {
    const pairs = [
      ['Mường', '06', '04'],
      ['Hoa', '04', '06'],
      ['Khơ Mú', '29', '23'],
      ['Thổ', '24', '21'],
      ['Ơ Đu', '53', '54'],
    ];
    for (const [name, code1979, code2008] of pairs) {
      const group = ethnicGroupByCode(code2008 ?? '');
      expect(group?.nameVi).toBe(name);
      expect(group?.code1979).toBe(code1979);
    }
  });

  it('uses current official names with English forms', () => {
    expect(ethnicGroupByCode('08')).toMatchObject({ nameVi: 'Mông', nameEn: 'Hmong' });
    expect(ethnicGroupByCode('10')).toMatchObject({ nameVi: 'Gia Rai' });
    expect(ethnicGroupByCode('11')).toMatchObject({ nameVi: 'Ê Đê' });
    expect(ethnicGroupByCode('54')).toMatchObject({ nameVi: 'Ơ Đu', nameEn: 'O Du' });
    expect(ethnicGroupByCode('01')?.aliases).toContain('Việt');
    expect(ethnicGroupByCode('08')?.aliases).toEqual(expect.arrayContaining(["H'Mông", 'HMông', 'Mèo']));
  });

  it('accepts every stored code in the participant schema', () => {
    for (const code of [...codes, ...ETHNICITY_EXTENSIONS])
      expect(ethnicityCodeSchema.safeParse(code).success).toBe(true);
  });
});

describe('isEthnicMinority', () => {
  it('counts every group but Kinh', () => {
    expect(codes.filter(isEthnicMinority)).toHaveLength(53);
    expect(isEthnicMinority('01')).toBe(false);
    expect(isEthnicMinority('08')).toBe(true);
  });

  it('does not count foreigners, undisclosed or missing ethnicity', () => {
    for (const code of ['foreign', 'undisclosed', null, undefined] as const) expect(isEthnicMinority(code)).toBe(false);
  });
});

describe('findEthnicGroups', () => {
  it('finds Mông from any spelling, with or without diacritics', () => {
    for (const query of ['mong', 'hmong', "H'Mông", 'HMông', 'meo', 'Mèo']) {
      expect(first(query)?.group.code2008, query).toBe('08');
    }
    expect(first('Mèo')).toMatchObject({ matchedName: 'Mèo', isAlias: true, ambiguous: false });
  });

  it('finds Khơ Mú, Ơ Đu and Thái by their folded names', () => {
    expect(first('kho mu')).toMatchObject({ isAlias: false, group: { code2008: '23' } });
    expect(first('khomu')?.group.code2008).toBe('23');
    expect(first('o du')?.group.code2008).toBe('54');
    expect(first('thai')).toMatchObject({ matchedName: 'Thái', group: { code2008: '03' } });
  });

  it('lists Thổ first and also Tày and Khmer, all flagged ambiguous', () => {
    const matches = findEthnicGroups('tho');
    expect(matches.slice(0, 3).map((m) => [m.group.code2008, m.isAlias, m.ambiguous])).toEqual([
      ['21', false, true],
      ['02', true, true],
      ['05', true, true],
    ]);
  });

  it('returns every group an ambiguous alias belongs to', () => {
    const groupsOf = (query: string) =>
      findEthnicGroups(query)
        .filter((m) => m.ambiguous)
        .map((m) => m.group.code2008);
    expect(groupsOf('Xá Lá Vàng')).toEqual(['21', '44', '46']);
    expect(groupsOf('xa khao')).toEqual(['37', '40']);
    expect(groupsOf('Trại')).toEqual(['09', '17']);
    expect(groupsOf('Ca-tang')).toEqual(['25', '29']);
    expect(groupsOf('chil')).toEqual(['15', '20']);
  });

  it('keeps all groups of an ambiguous name even past the limit', () => {
    expect(findEthnicGroups('tho', 1).map((m) => m.group.code2008)).toEqual(['21', '02', '05']);
  });

  it('ranks official-name prefixes before alias matches', () => {
    const matches = findEthnicGroups('kho');
    expect(matches[0]).toMatchObject({ isAlias: false, group: { code2008: '23' } });
    expect(matches.map((m) => m.group.code2008)).toContain('05');
  });

  it('respects the limit and finds nothing for an empty query', () => {
    expect(findEthnicGroups('a', 3)).toHaveLength(3);
    expect(findEthnicGroups('  ')).toEqual([]);
    expect(findEthnicGroups('zzz')).toEqual([]);
  });
});
