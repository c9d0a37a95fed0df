// Text folding for search: Vietnamese names match without diacritics, whatever the tone-mark
// placement ("Hoà" = "Hòa"), spacing or punctuation ("H'Mông" = "HMông" = "Hmong").
// Every function here is pure and locale-independent, so client and server fold alike.

const COMBINING_MARKS = /\p{M}/gu;
// Apostrophe-likes, hyphen/dash-likes and dots; names are written with all of them.
const PUNCTUATION = /['’‘ʼ`´\-‐‑‒–—.]/g;
const DIGIT_GAP = /(\d)[\s.]+(?=\d)/g;

/** Strips diacritics but keeps case: "Con Cuông" → "Con Cuong", "Đắk Lắk" → "Dak Lak". */
export function toAscii(text: string): string {
  // đ/Đ are letters of their own, not d plus a mark: NFD leaves them whole. Ð (U+00D0) is a
  // common mistyping of Đ.
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đ]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

/** Lowercase, diacritic-free, single-spaced: "  Nguyễn  Thị Hoà " → "nguyen thi hoa". */
export function foldDiacritics(text: string): string {
  return toAscii(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `foldDiacritics` without apostrophes, hyphens and dots: "H'Mông", "H-mông" → "hmong". */
export function searchKey(text: string): string {
  return foldDiacritics(text.replace(PUNCTUATION, ''));
}

/** `searchKey` without spaces, for comparing names however they are split: "Khơ Mú" = "Khơ-mú". */
export function compactKey(text: string): string {
  return searchKey(text).replace(/ /g, '');
}

/** Folds text for matching and joins digit groups, so "0912 345.678" reads as "0912345678". */
function matchKey(text: string): string {
  return searchKey(text.replace(DIGIT_GAP, '$1'));
}

/** Query tokens in match form; an empty list matches everything. */
export function searchTokens(query: string): string[] {
  const key = matchKey(query);
  return key === '' ? [] : key.split(' ');
}

/**
 * A matcher for one query, to run over many rows without refolding the query:
 * every query token must occur (as a substring) in the folded haystack.
 */
export function createSearchMatcher(query: string): (haystack: string) => boolean {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return () => true;
  return (haystack) => {
    const key = matchKey(haystack);
    return tokens.every((token) => key.includes(token));
  };
}

/** Whether every token of `query` occurs in `haystack`, ignoring diacritics, case and punctuation. */
export function matchesSearch(haystack: string, query: string): boolean {
  return createSearchMatcher(query)(haystack);
}
