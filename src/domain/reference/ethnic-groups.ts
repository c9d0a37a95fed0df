// Ethnic groups: lookup by code and a search that matches every name and spelling, with or
// without diacritics. A name shared by several groups ("Thổ", "Xá Lá Vàng") is flagged
// `ambiguous` and returned for each of them: the trainer confirms, nothing is mapped silently.
// Ethnicity is sensitive personal data (domain README): this module only describes groups.
import type { EthnicityCode } from '../schemas/participant';
import { compactKey, searchKey, searchTokens } from '../rules/normalise';
import { ETHNIC_GROUP_ROWS } from './ethnic-group-table';

export interface EthnicGroup {
  /** Stable slug, never changes: "mong", "kho-mu". */
  key: string;
  /** GSO 2008 code (Decision 1019/QĐ-TCTK): the value stored on participants. */
  code2008: string;
  /** Decision 121-TCTK/PPCĐ (1979) code, kept for old records. */
  code1979: string;
  nameVi: string;
  nameEn: string;
  aliases: readonly string[];
}

export interface EthnicGroupMatch {
  group: EthnicGroup;
  /** The name or alias that matched the query, as written in the table. */
  matchedName: string;
  isAlias: boolean;
  /** The matched name belongs to more than one group: ask the trainer, never pick one. */
  ambiguous: boolean;
}

export const ETHNICITY_EXTENSIONS = ['foreign', 'undisclosed'] as const;
export type EthnicityExtension = (typeof ETHNICITY_EXTENSIONS)[number];

export const KINH_CODE = '01';

/** The 54 groups in GSO 2008 order. */
export const ethnicGroups: readonly EthnicGroup[] = ETHNIC_GROUP_ROWS.map(
  ([key, code2008, code1979, nameVi, nameEn, aliases]) => ({ key, code2008, code1979, nameVi, nameEn, aliases }),
);

const byCode = new Map(ethnicGroups.map((g) => [g.code2008, g]));
const byKey = new Map(ethnicGroups.map((g) => [g.key, g]));

export function ethnicGroupByCode(code: string): EthnicGroup | undefined {
  return byCode.get(code);
}

export function ethnicGroupByKey(key: string): EthnicGroup | undefined {
  return byKey.get(key);
}

/** Any recognised group but Kinh; `foreign`, `undisclosed` and no answer are not counted. */
export function isEthnicMinority(code: EthnicityCode | null | undefined): boolean {
  return code != null && code !== KINH_CODE && byCode.has(code);
}

interface IndexedName {
  name: string;
  isAlias: boolean;
  compact: string;
  words: string[];
}

interface SearchIndex {
  names: Map<EthnicGroup, IndexedName[]>;
  /** compact name → codes of the groups that carry it, officially or as an alias. */
  owners: Map<string, Set<string>>;
}

let index: SearchIndex | undefined;

function searchIndex(): SearchIndex {
  if (index) return index;
  const names = new Map<EthnicGroup, IndexedName[]>();
  const owners = new Map<string, Set<string>>();
  for (const group of ethnicGroups) {
    const entries = [
      ...[group.nameVi, group.nameEn].map((name) => ({ name, isAlias: false })),
      ...group.aliases.map((name) => ({ name, isAlias: true })),
    ].map(({ name, isAlias }) => ({ name, isAlias, compact: compactKey(name), words: searchKey(name).split(' ') }));
    names.set(group, entries);
    for (const { compact } of entries) {
      const codes = owners.get(compact) ?? new Set<string>();
      codes.add(group.code2008);
      owners.set(compact, codes);
    }
  }
  index = { names, owners };
  return index;
}

/**
 * Ranks a name against a query, lower is better, or undefined when it does not match:
 * official exact, official prefix, alias exact, alias prefix (all compared without spaces or
 * punctuation), then every token starting a word, then every token anywhere.
 */
function rank(entry: IndexedName, compactQuery: string, tokens: string[]): number | undefined {
  const alias = entry.isAlias ? 2 : 0;
  if (entry.compact === compactQuery) return 0 + alias;
  if (entry.compact.startsWith(compactQuery)) return 1 + alias;
  const wordStarts = tokens.every((t) => entry.words.some((w) => w.startsWith(t)));
  if (wordStarts) return 4 + alias / 2;
  const spaced = entry.words.join(' ');
  if (tokens.every((t) => spaced.includes(t))) return 6 + alias / 2;
  return undefined;
}

interface Ranked extends EthnicGroupMatch {
  score: number;
  compact: string;
}

/**
 * Groups matching `query`, best first, one match per group. Groups that share an ambiguous
 * matched name are all returned, even past `limit`. An empty query matches nothing.
 */
export function findEthnicGroups(query: string, limit = 10): EthnicGroupMatch[] {
  const compactQuery = compactKey(query);
  const tokens = searchTokens(query);
  if (compactQuery === '' || tokens.length === 0) return [];
  const { names, owners } = searchIndex();
  const ranked: Ranked[] = [];
  for (const [group, entries] of names) {
    let best: Ranked | undefined;
    for (const entry of entries) {
      const score = rank(entry, compactQuery, tokens);
      if (score === undefined) continue;
      if (best && (score > best.score || (score === best.score && entry.name.length >= best.matchedName.length)))
        continue;
      const ambiguous = (owners.get(entry.compact)?.size ?? 0) > 1;
      best = { group, matchedName: entry.name, isAlias: entry.isAlias, ambiguous, score, compact: entry.compact };
    }
    if (best) ranked.push(best);
  }
  ranked.sort((a, b) => a.score - b.score || a.group.code2008.localeCompare(b.group.code2008));
  const taken = ranked.slice(0, Math.max(0, limit));
  const ambiguousNames = new Set(taken.filter((m) => m.ambiguous).map((m) => m.compact));
  const sharing = ranked.slice(taken.length).filter((m) => ambiguousNames.has(m.compact));
  return [...taken, ...sharing].map(({ group, matchedName, isAlias, ambiguous }) => ({
    group,
    matchedName,
    isAlias,
    ambiguous,
  }));
}
