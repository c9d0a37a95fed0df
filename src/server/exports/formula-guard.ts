// Formula injection (CSV/spreadsheet injection, OWASP): a text cell that a spreadsheet could read as a formula
// — starting with =, +, -, @, tab or carriage return — gets a leading apostrophe, so a session titled
// `=HYPERLINK("…")` opens as inert text. Applied to every text cell of every export; numbers are written as numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
