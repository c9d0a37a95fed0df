// Vietnam's administrative units (code set ADMIN_SET: 34 provinces, 3,321 communes, wards and
// special zones), decoded from the bundled compact JSON written by scripts/build-admin-units.mjs.
// Source: vietnamese-provinces-database, MIT (admin-units-LICENSE.txt beside this file).
// Codes are reused across reforms: store a code with ADMIN_SET and the name as written.
// The client imports this module dynamically (it carries ~100 KB of data), so it stays
// self-contained; indexes are built on first use.
import { compactKey, searchKey, searchTokens, toAscii } from '../rules/normalise';
import data from './admin-units.json';

export const ADMIN_SET = '2026-07-25';

export type CommuneKind = 'commune' | 'ward' | 'special-zone';

export interface Province {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
}

export interface Commune {
  code: string;
  provinceCode: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: CommuneKind;
}

type CommuneRow = [code: string, name: string, kind: number, nameEn?: string];
type ProvinceRow = [code: string, name: string, fullName: string, nameEn: string, communes: CommuneRow[]];
interface AdminUnitsFile {
  set: string;
  kinds: [CommuneKind, string][];
  provinces: ProvinceRow[];
}

interface Indexes {
  provinces: Province[];
  provinceByCode: Map<string, Province>;
  communeByCode: Map<string, Commune>;
  communesByProvince: Map<string, Commune[]>;
}

let indexes: Indexes | undefined;

function load(): Indexes {
  if (indexes) return indexes;
  const file = data as unknown as AdminUnitsFile;
  const built: Indexes = {
    provinces: [],
    provinceByCode: new Map(),
    communeByCode: new Map(),
    communesByProvince: new Map(),
  };
  for (const [code, name, fullName, nameEn, rows] of file.provinces) {
    const province = { code, name, fullName, nameEn };
    const communes = rows.map(([communeCode, communeName, kindIndex, communeNameEn]): Commune => {
      const [kind, prefix] = file.kinds[kindIndex] ?? ['commune', ''];
      return {
        code: communeCode,
        provinceCode: code,
        name: communeName,
        fullName: `${prefix} ${communeName}`,
        nameEn: communeNameEn ?? toAscii(communeName),
        kind,
      };
    });
    built.provinces.push(province);
    built.provinceByCode.set(code, province);
    built.communesByProvince.set(code, communes);
    for (const commune of communes) built.communeByCode.set(commune.code, commune);
  }
  indexes = built;
  return built;
}

/** The 34 provinces and cities, in code order. */
export function listProvinces(): readonly Province[] {
  return load().provinces;
}

export function provinceByCode(code: string): Province | undefined {
  return load().provinceByCode.get(code);
}

export function communeByCode(code: string): Commune | undefined {
  return load().communeByCode.get(code);
}

/** A province's communes, wards and special zones, in code order; empty for an unknown code. */
export function communesOf(provinceCode: string): readonly Commune[] {
  return load().communesByProvince.get(provinceCode) ?? [];
}

interface SearchEntry {
  commune: Commune;
  /** Folded name, words kept apart: "con cuong". */
  name: string;
  compactName: string;
  /** Folded names without spaces: name, full name and English name. */
  compacts: string[];
  /** Every folded word of the full and English names. */
  words: string[];
  spaced: string;
}

let searchEntries: Map<string, SearchEntry[]> | undefined;

function toEntry(commune: Commune): SearchEntry {
  // One fold per commune: the full name is the kind's prefix plus the name, and the English
  // name is the name without diacritics except for a few (Hoàng Sa → Paracel).
  const name = searchKey(commune.name);
  const fullName = `${searchKey(commune.fullName.slice(0, -commune.name.length))} ${name}`;
  const nameEn = commune.nameEn === toAscii(commune.name) ? name : searchKey(commune.nameEn);
  const spaced = nameEn === name ? fullName : `${fullName} ${nameEn}`;
  const compacts = [name, fullName, nameEn].map((key) => key.replace(/ /g, ''));
  return { commune, name, compactName: compacts[0] ?? '', compacts, words: spaced.split(' '), spaced };
}

function entriesOf(provinceCode: string | undefined): SearchEntry[] {
  if (!searchEntries) {
    searchEntries = new Map();
    for (const [code, communes] of load().communesByProvince) searchEntries.set(code, communes.map(toEntry));
  }
  if (provinceCode !== undefined) return searchEntries.get(provinceCode) ?? [];
  return [...searchEntries.values()].flat();
}

/**
 * Lower is better: the exact name; the name starting with the query's whole words ("hoa" →
 * Hoa Quân); any of the names starting with the query ("hoa" → Hoàng Mai, "xa con" → Xã Con
 * Cuông); every token starting a word; every token anywhere.
 */
function rank(entry: SearchEntry, key: string, compactQuery: string, tokens: string[]): number | undefined {
  if (entry.compactName === compactQuery) return 0;
  if (entry.name.startsWith(`${key} `)) return 1;
  if (entry.compacts.some((name) => name.startsWith(compactQuery))) return 2;
  if (tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) return 3;
  if (tokens.every((t) => entry.spaced.includes(t))) return 4;
  return undefined;
}

export interface CommuneSearchOptions {
  provinceCode?: string;
  limit?: number;
}

/**
 * Communes whose name matches `query` without diacritics ("con cuong" → Xã Con Cuông), best
 * first: exact and prefix matches of the name before word and substring matches, then by
 * name. An empty query matches nothing (list a province with `communesOf`).
 */
export function searchCommunes(query: string, options: CommuneSearchOptions = {}): Commune[] {
  const { provinceCode, limit = 20 } = options;
  const key = searchKey(query);
  const compactQuery = compactKey(query);
  const tokens = searchTokens(query);
  if (compactQuery === '' || tokens.length === 0) return [];
  const matches: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entriesOf(provinceCode)) {
    const score = rank(entry, key, compactQuery, tokens);
    if (score !== undefined) matches.push({ entry, score });
  }
  matches.sort(
    (a, b) =>
      a.score - b.score ||
      a.entry.compactName.localeCompare(b.entry.compactName) ||
      a.entry.commune.code.localeCompare(b.entry.commune.code),
  );
  return matches.slice(0, Math.max(0, limit)).map((m) => m.entry.commune);
}
