/**
 * How many rows a table holds, for before/after checks.
 * @module
 */
import type { Executor } from "../../lib/db/db.ts";

/** The number of rows in `table` (all of them, deleted ones too). */
export async function countRows(db: Executor, table: string): Promise<number> {
  return Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}
