// The XLSX export (write-excel-file's Node build): sheets "Tổng hợp" (summary), "Buổi" (one row per session)
// and, when the reader may see named data, "Danh sách" (attendance). Every string cell passes the formula
// guard; header rows are bold; dates are spreadsheet dates shown dd/mm/yyyy (months mm/yyyy).
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { neutraliseFormula } from './formula-guard';
import type { ExportLabels } from './labels';
import { calendarValue, type SheetCell } from './sheet-cell';

export interface WorkbookInput {
  labels: ExportLabels;
  summaryRows: SheetCell[][];
  /** Headed by `labels.xlsxSessionColumns`. */
  sessionRows: SheetCell[][];
  /** Omitted when the reader may not see names (or asked for `names=0`). */
  attendanceRows?: SheetCell[][];
}

function toCell(value: SheetCell): Cell {
  if (value === null) return null;
  if (typeof value === 'string') return { value: neutraliseFormula(value), type: String };
  if (typeof value === 'number') return { value, type: Number };
  const { date, format } = calendarValue(value);
  return { value: date, type: Date, format };
}

function bold(values: readonly string[]): Cell[] {
  return values.map((value) => ({ value: neutraliseFormula(value), type: String, fontWeight: 'bold' as const }));
}

function table(header: readonly string[], rows: SheetCell[][]): SheetData {
  return [bold(header), ...rows.map((row) => row.map(toCell))];
}

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { labels } = input;
  const [title, ...summaryBody] = input.summaryRows;
  const sheets: SheetData[] = [
    [bold((title ?? []).map(String)), ...summaryBody.map((row) => row.map(toCell))],
    table(labels.xlsxSessionColumns, input.sessionRows),
  ];
  const names = [labels.sheets.summary, labels.sheets.sessions];
  const columns = [
    [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }],
    [14, 14, 36, 20, 40, 40, 14, 12, 12, 12, 14].map((width) => ({ width })),
  ];
  if (input.attendanceRows) {
    sheets.push(table(labels.attendanceColumns, input.attendanceRows));
    names.push(labels.sheets.attendance);
    columns.push([40, 14, 14, 28, 10, 10, 16, 36, 24].map((width) => ({ width })));
  }
  return writeXlsxFile(sheets, { sheets: names, columns, buffer: true });
}
