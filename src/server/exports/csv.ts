// CSV as Excel opens it correctly with Vietnamese text (docs/lessons.md: Excel garbled Unicode CSV): UTF-8 with a
// byte-order mark, CRLF line ends, RFC 4180 quoting; every text cell passes the formula guard.
import { neutraliseFormula } from './formula-guard';

export type CsvCell = string | number | null;

const BOM = '\uFEFF';

function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
