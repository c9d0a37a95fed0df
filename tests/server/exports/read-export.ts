// Just enough of XLSX and CSV to check exports: unzip the workbook (fflate), map sheet names to their XML
// through the workbook relationships, and read each cell as a string (shared or inline), a number, or — when
// its style has a date format — a date: the calendar day its serial number stands for, and the format.
import { strFromU8, unzipSync } from 'fflate';

export interface ReadDate {
  /** `YYYY-MM-DD`, from the cell's serial number (days since 1899-12-30). */
  date: string;
  /** The number format the spreadsheet shows it with, such as `dd/mm/yyyy`. */
  format: string;
}

export type ReadCell = string | number | null | ReadDate;

/** Style index → date format code, for the styles whose number format is a custom date (d, m and y). */
function dateStyles(stylesXml: string): Map<number, string> {
  const formats = new Map(
    [...stylesXml.matchAll(/<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]+)"/g)].map((m) => [
      Number(m[1]),
      decode(m[2]!),
    ]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styles = new Map<number, string>();
  [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].forEach((m, index) => {
    const code = formats.get(Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1]));
    if (code && /y/.test(code) && /m/.test(code)) styles.set(index, code);
  });
  return styles;
}

function serialToDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const decode = (xml: string) =>
  xml.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name]!;
  });

const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Sheet name → rows of cells, in the workbook's sheet order. */
export function readXlsx(bytes: ArrayBuffer): Map<string, ReadCell[][]> {
  const files = unzipSync(new Uint8Array(bytes));
  const file = (path: string) => (files[path] ? strFromU8(files[path]) : '');
  const dates = dateStyles(file('xl/styles.xml'));
  const shared = [...file('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const targets = new Map(
    [...file('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(
      (m) => [m[1]!, m[2]!],
    ),
  );
  const sheets = new Map<string, ReadCell[][]>();
  for (const m of file('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = file(`xl/${targets.get(m[2]!)!.replace(/^\/?xl\//, '')}`);
    const rows: ReadCell[][] = [];
    for (const row of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: ReadCell[] = [];
      for (const c of row[2]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const type = /t="(\w+)"/.exec(c[2]!)?.[1];
        const style = /\bs="(\d+)"/.exec(c[2]!)?.[1];
        const dateFormat = style === undefined ? undefined : dates.get(Number(style));
        const inner = c[3] ?? '';
        const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        cells[columnIndex(c[1]!)] =
          dateFormat && value !== undefined && type === undefined
            ? { date: serialToDate(Number(value)), format: dateFormat }
            : type === 's'
              ? shared[Number(value)]!
              : type === 'inlineStr' || type === 'str'
                ? texts(inner)
                : value === undefined
                  ? null
                  : Number(value);
      }
      rows[Number(row[1]) - 1] = Array.from(cells, (cell) => cell ?? null);
    }
    sheets.set(
      decode(m[1]!),
      Array.from(rows, (r) => r ?? []),
    );
  }
  return sheets;
}

/** RFC 4180: quoted fields with doubled quotes, CRLF between records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
