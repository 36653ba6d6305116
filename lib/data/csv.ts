// A text cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
// (OWASP "CSV Injection"): `=HYPERLINK(…)` saved by one user would run on the ADMIN's desktop.
const FORMULA_START = /^[=+\-@\t\r]/;
// Plain numbers written as text (`-5`, `+1.5e3`) cannot run anything and stay numbers.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell's text as a spreadsheet will read it: text that a spreadsheet would take for a formula
 * gets a leading `'` (shown as text, the `'` hidden); numbers, and text that is just a number,
 * are left as they are.
 */
export function spreadsheetSafe(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (typeof value !== "string" || !FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) {
    return text;
  }
  return `'${text}`;
}

/**
 * One CSV field, escaped against formula injection (`spreadsheetSafe`) and quoted when it holds
 * a comma, quote, newline or leading/trailing space (RFC 4180).
 */
export function csvField(value: unknown): string {
  const text = spreadsheetSafe(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A string cell that needs csvField's care: a formula start, a quote, comma or line break, or
// white space (which includes U+3000) at either end. Any other string is written as it is.
const NEEDS_CARE = /^[=+\-@\s]|[",\r\n]|\s$/;

/**
 * One CSV line (CRLF-terminated) of `row` (cell values), each written by csvField; numbers and
 * plain text skip its work, which they would come out of unchanged (the bulk export's per-row cost).
 */
export function csvLine(row: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    const cell = typeof value === "number"
      ? `${value}`
      : typeof value === "string" && !NEEDS_CARE.test(value)
      ? value
      : csvField(value);
    line += i === 0 ? cell : `,${cell}`;
  }
  return `${line}\r\n`;
}
