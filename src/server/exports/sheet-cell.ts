// A cell of an exported sheet: text, a number, empty, or a calendar date or month. Dates are written to
// the XLSX as real spreadsheet dates (so sorting and filtering by date work) shown dd/mm/yyyy, months
// as mm/yyyy; the CSV keeps text.
export interface CalendarCell {
  /** `YYYY-MM-DD`, or `YYYY-MM` for a month. */
  calendar: string;
}

export type SheetCell = string | number | null | CalendarCell;

export const DATE_FORMAT = 'dd/mm/yyyy';
export const MONTH_FORMAT = 'mm/yyyy';

export function dateCell(isoDate: string): CalendarCell {
  return { calendar: isoDate };
}

/** The spreadsheet value of a calendar cell: midnight UTC of the day (of the month's first day). */
export function calendarValue(cell: CalendarCell): { date: Date; format: string } {
  const isMonth = cell.calendar.length === 7;
  return {
    date: new Date(`${isMonth ? `${cell.calendar}-01` : cell.calendar}T00:00:00Z`),
    format: isMonth ? MONTH_FORMAT : DATE_FORMAT,
  };
}
