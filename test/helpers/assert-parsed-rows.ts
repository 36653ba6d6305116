/**
 * Compares the columns and rows read from a table file with a table written out in the test.
 * @module
 */
import assert from "node:assert/strict";
import type { ParsedFile } from "../../lib/import/types.ts";
import { tableRows } from "./table-rows.ts";
import type { Cell } from "./table-rows.ts";

/**
 * Asserts that `parsed` found exactly `columns`, in file order, and exactly `rows`, in order: each
 * row written as `[its row number in the file, ...its values in the order of columns]`.
 */
export function assertParsedRows(
  parsed: ParsedFile,
  columns: readonly string[],
  ...rows: readonly (readonly Cell[])[]
): void {
  assert.deepEqual(parsed.columns, columns, "columns");
  const expected = tableRows(["row", ...columns], ...rows)
    .map(({ row, ...values }) => ({ row, values }));
  assert.deepEqual(parsed.rows, expected, "rows");
}
