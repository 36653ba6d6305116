const DAY_MS = 86_400_000;
// Excel's 1900 date system: serial 1 is 1900-01-01 and the fictitious 1900-02-29
// is serial 60, so serials from 61 on count days since 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465; // 9999-12-31

const SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** `YYYY-MM-DD` for a calendar date, or null when the parts do not form a real date. */
export function formatDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 9999) return null;
  if (
    date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** The calendar day of an exceljs Date (exceljs stores the sheet's wall-clock time as UTC). */
export function dateFromCell(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // A date-time a hair before midnight from float rounding still names the next day.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return formatDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

/** A number in a date column: `20210305` as typed digits, else an Excel serial (44260 → 2021-03-05). */
export function dateFromNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
    return formatDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  if (value < MIN_SERIAL || value > MAX_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A text date: `2021-03-05`, `2021/3/5`, `2021.3.5`, `20210305`, `2021年3月5日`,
 * full-width digits, an optional time after the date (dropped). Null otherwise.
 */
export function dateFromText(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  const separated = SEPARATED.exec(t);
  if (separated) {
    return formatDate(Number(separated[1]), Number(separated[3]), Number(separated[4]));
  }
  const parts = CHINESE.exec(t) ?? COMPACT.exec(t);
  if (parts) return formatDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  return null;
}
