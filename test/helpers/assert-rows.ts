/**
 * Compares what a query selects with a table written out in the test.
 * @module
 */
import assert from "node:assert/strict";
import type { Executor } from "../../lib/db/db.ts";
import { tableRows } from "./table-rows.ts";
import type { Cell } from "./table-rows.ts";

/**
 * Asserts that `sql` selects exactly `rows`, in order: each row an array of values in the order
 * of `columns`, which must be the query's columns (see tableRows).
 */
export async function assertRows(
  db: Executor,
  sql: string,
  columns: readonly string[],
  ...rows: readonly (readonly Cell[])[]
): Promise<void> {
  assert.deepEqual((await db.execute(sql)).rows, tableRows(columns, ...rows), sql);
}
