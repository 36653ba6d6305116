import { columnLabel } from "../schema/column.ts";
import type { ColumnValue } from "../schema/column.ts";
import { cellValue, displayValue, isEmptyCell } from "./cell-value.ts";
import type { HeaderMatch } from "./detect-header.ts";
import { normalizeValue } from "./normalize-value.ts";
import type { RawRow, RowRejection } from "./types.ts";

/** One data row after validation: blank, rejected (with every reason), or accepted. */
export type ConvertedRow =
  | { readonly kind: "blank" }
  | { readonly kind: "rejected"; readonly rejections: readonly RowRejection[] }
  | {
    readonly kind: "ok";
    readonly values: Record<string, ColumnValue>;
    readonly key: readonly ColumnValue[];
  };

/**
 * Validates one data row against the detected header: normalizes every
 * recognised cell, reports each bad value and each empty natural-key column.
 * A row whose recognised cells are all empty is blank.
 */
export function convertRow(raw: RawRow, header: HeaderMatch): ConvertedRow {
  const { table, columns } = header;
  const values: Record<string, ColumnValue> = {};
  const rejections: RowRejection[] = [];
  let blank = true;
  columns.forEach((column, index) => {
    if (!column) return;
    const cell = cellValue(raw.cells[index]);
    if (!isEmptyCell(cell)) blank = false;
    const result = normalizeValue(cell, column, table.naturalKey.includes(column.name));
    if (result.ok) values[column.name] = result.value;
    else {rejections.push({
        row: raw.row,
        column: column.name,
        value: displayValue(cell),
        reason: result.reason,
      });}
  });
  if (blank) return { kind: "blank" };
  const keyColumns = table.naturalKey.map((name) => table.columns.find((c) => c.name === name)!);
  const needs = keyColumns.map(columnLabel).join(", ");
  for (const column of keyColumns) {
    if (values[column.name] !== null) continue;
    rejections.push({
      row: raw.row,
      column: column.name,
      value: null,
      reason: `缺少${
        columnLabel(column)
      } / missing ${column.en} (${column.name}): 每行都要有 ${needs} / every row needs ${needs}`,
    });
  }
  if (rejections.length > 0) return { kind: "rejected", rejections };
  return { kind: "ok", values, key: keyColumns.map((c) => values[c.name]) };
}
