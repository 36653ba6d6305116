import type { Column, Table } from "../schema/column.ts";
import { cellValue } from "./cell-value.ts";

/** Header text compared loosely: NFKC (full width → ASCII), lower case, no whitespace. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** A header cell as text (`""` for an empty cell). */
export function headerText(cell: unknown): string {
  const value = cellValue(cell);
  if (value === null || typeof value === "object") return "";
  return String(value).trim();
}

// `当日井深(m)` → `当日井深`: from the first bracket, when the text ends with one. A scan, not
// /[([].*[)\]]$/, which is quadratic on a cell of many opening brackets.
function withoutUnit(key: string): string {
  if (!/[)\]]$/.test(key)) return key;
  const open = key.search(/[([]/);
  return open >= 0 && open < key.length - 1 ? key.slice(0, open) : key;
}

/**
 * A function finding the column a header cell names: its code (any case), its
 * Chinese label or its English name, also with a trailing unit such as
 * `当日井深(m)` or `DRJS（米）`. Null for an unknown header.
 */
export function columnFinder(table: Table): (header: string) => Column | null {
  const byName = new Map<string, Column>();
  for (const column of table.columns) {
    for (const key of [column.code, column.zh, column.name]) {
      if (key && !byName.has(normalizeHeader(key))) byName.set(normalizeHeader(key), column);
    }
  }
  return (header) => {
    const key = normalizeHeader(header);
    if (key === "") return null;
    return byName.get(key) ?? byName.get(withoutUnit(key)) ?? null;
  };
}
