import type { Column } from "../schema/column.ts";
import { type CellPrimitive, displayValue, isEmptyCell } from "./cell-value.ts";
import { dateFromCell, dateFromNumber, dateFromText } from "./parse-date.ts";
import { flagFromText, numberFromText } from "./parse-number.ts";
import type { ColumnValue } from "../schema/column.ts";

/** A normalized value, or the bilingual reason it was refused. */
export type Normalized = { readonly ok: true; readonly value: ColumnValue } | {
  readonly ok: false;
  readonly reason: string;
};

function refuse(zh: string, en: string, cell: CellPrimitive, hint: string): Normalized {
  const shown = String(displayValue(cell));
  return { ok: false, reason: `${zh} "${shown}" / ${en} "${shown}": ${hint}` };
}

function toDate(cell: Exclude<CellPrimitive, null>): string | null {
  if (cell instanceof Date) return dateFromCell(cell);
  if (typeof cell === "number") return dateFromNumber(cell);
  if (typeof cell === "string") return dateFromText(cell);
  return null;
}

function toNumber(cell: Exclude<CellPrimitive, null>): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") return numberFromText(cell);
  return null;
}

function toInteger(cell: Exclude<CellPrimitive, null>): number | null {
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") {
    const flag = flagFromText(cell);
    if (flag !== null) return flag;
  }
  const value = toNumber(cell);
  return value !== null && Number.isInteger(value) ? value : null;
}

function toText(cell: Exclude<CellPrimitive, null>, isKey: boolean): string {
  if (cell instanceof Date) return dateFromCell(cell) ?? cell.toISOString();
  const text = String(cell).trim();
  // Key text (well ids) is matched later: full-width letters/digits and stray spaces would split one well in two.
  return isKey ? text.normalize("NFKC").replace(/\s+/g, "") : text;
}

/** How a cell is read for each typed column, and what a refusal says (Chinese, English, the fix). */
const READERS = {
  date: {
    read: toDate,
    zh: "无法识别日期",
    en: "cannot read date",
    hint: "use YYYY-MM-DD, YYYY/M/D, YYYYMMDD or an Excel date cell",
  },
  real: {
    read: toNumber,
    zh: "不是数字",
    en: "not a number",
    hint: "write digits such as 1234.5, without units",
  },
  integer: {
    read: toInteger,
    zh: "不是整数或是/否",
    en: "not a whole number or yes/no",
    hint: "write a whole number, or 是/否, Y/N, 1/0",
  },
} as const;

/**
 * Normalizes one cell for a column of the given type: empty → null; `date` →
 * `YYYY-MM-DD`; `real` → number; `integer` → whole number or 1/0 for 是/否, Y/N;
 * `text` → trimmed text (natural-key text also NFKC-normalized, spaces removed).
 */
export function normalizeValue(cell: CellPrimitive, column: Column, isKey = false): Normalized {
  if (isEmptyCell(cell) || cell === null) return { ok: true, value: null };
  if (typeof cell === "object" && !(cell instanceof Date)) {
    return refuse(
      "单元格为错误值",
      "the cell holds the error",
      cell,
      "fix the formula or clear the cell",
    );
  }
  if (column.type === "text") return { ok: true, value: toText(cell, isKey) };
  const reader = READERS[column.type];
  const value = reader.read(cell);
  return value !== null ? { ok: true, value } : refuse(reader.zh, reader.en, cell, reader.hint);
}
