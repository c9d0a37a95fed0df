// The person keys of src/domain/rules/person-keys.ts as SQL expressions, for the generated columns of
// `participants` (schema.ts): computed by the database on every write, whichever code writes the row, and
// indexed, so the duplicate finder joins on them set-wise. normalize(…, NFD) and the combining-mark range
// strip diacritics; đ is a letter of its own (NFD leaves it whole), Ð its common mistyping. lower() runs on
// ASCII only by then, so the database's locale does not matter.

const folded = (column: string, keep: string) =>
  `regexp_replace(lower(translate(regexp_replace(normalize(${column}, NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐÐ', 'ddd')), '[^${keep}]', '', 'g')`;

/** `nameKey`: letters and digits only. */
export const nameKeySql = folded('full_name', 'a-z0-9');

const spaced = `regexp_replace(full_name, '\\s+', ' ', 'g')`;
const words = `regexp_split_to_array(nullif(btrim(regexp_replace(${folded(spaced, 'a-z0-9 ')}, ' +', ' ', 'g')), ''), ' ')`;

/** `nameVariantKey`: the first and last words. */
export const nameVariantKeySql = `(${words})[1] || ' ' || (${words})[cardinality(${words})]`;

const digits = `regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`;

/** `phoneKey`: digits, +84 read as 0, null when there are none. */
export const phoneKeySql = `case when ${digits} ~ '^84[0-9]{9}$' then '0' || substr(${digits}, 3) else nullif(${digits}, '') end`;
