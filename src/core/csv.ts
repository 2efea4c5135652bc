/**
 * Spreadsheets evaluate a cell that starts with = + - @ (and, in some, a tab or carriage return)
 * as a formula: `=HYPERLINK(...)` in an exported file runs when a moderator opens it. Such cells
 * get a leading single quote, which spreadsheets show as text (OWASP's CSV injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote every field that needs it; neutralised first, so the quote is inside the quotes. */
export function csvCell(value: string): string {
  const safe = neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
