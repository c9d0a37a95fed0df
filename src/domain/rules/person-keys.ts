// The keys that tell two registrations of one person apart from two people (issue 13): a name folded
// without diacritics, case, spacing or punctuation ("Nguyễn Thị Hoà" = "nguyen thi  hoa" = "NGUYEN THI HOA"),
// its first and last words for spelling variants ("Nguyễn Hoà" beside "Nguyễn Thị Hoà"), and a phone
// number as digits with +84 read as 0. The server computes the same keys in SQL (src/server/db/person-key-sql.ts);
// a test holds the two to each other.
import { foldDiacritics } from './normalise';

/** Letters and digits only, ASCII, lower case: "Lò Thị Xuân" → "lothixuan". */
export function nameKey(fullName: string): string {
  return foldDiacritics(fullName).replace(/[^a-z0-9]/g, '');
}

/** The first and last words of the folded name: "Nguyễn Thị Hoà" → "nguyen hoa"; null without letters. */
export function nameVariantKey(fullName: string): string | null {
  const words = foldDiacritics(fullName)
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  return `${words[0]} ${words[words.length - 1]}`;
}

/** Digits only; a Vietnamese number written with +84 or 84 reads as its 0… form. Null when there are none. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[^0-9]/g, '');
  if (digits === '') return null;
  return /^84[0-9]{9}$/.test(digits) ? `0${digits.slice(2)}` : digits;
}
