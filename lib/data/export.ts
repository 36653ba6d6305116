import type { Executor, Row } from "../db.ts";
import type { Table } from "../schema/column.ts";
import { DRILLING_ACTIVITIES } from "../schema/drilling-activities.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { WELLS } from "../schema/wells.ts";
import { columnNames } from "../schema/zod.ts";
import { csvLine } from "./csv.ts";

/** Tables that can be exported, by name. */
export const EXPORTABLE: Readonly<Record<string, { table: Table; key: string }>> = {
  drilling_daily: { table: DRILLING_DAILY, key: "id" },
  wells: { table: WELLS, key: "well_id" },
  drilling_activities: { table: DRILLING_ACTIVITIES, key: "id" },
};

/** The exported columns of `name`: its key (if not a column) then every metadata column. */
export function exportColumns(name: string): string[] {
  const { table, key } = EXPORTABLE[name];
  const cols = columnNames(table);
  return cols.includes(key) ? cols : [key, ...cols];
}

/**
 * Yields the live rows of an exportable table in key order, `pageSize` at a time
 * (keyset paging), so an export of millions of rows never holds them all.
 */
export async function* exportPages(db: Executor, name: string, pageSize = 5000, maxRows = Infinity): AsyncGenerator<Row[]> {
  const { key } = EXPORTABLE[name];
  const cols = exportColumns(name).join(", ");
  let after: string | number | null = null;
  let sent = 0;
  while (sent < maxRows) {
    const limit = Math.min(pageSize, maxRows - sent);
    const rs: { rows: Row[] } = after === null
      ? await db.execute(`SELECT ${cols} FROM ${name} WHERE deleted_at IS NULL ORDER BY ${key} LIMIT ?`, [limit])
      : await db.execute(`SELECT ${cols} FROM ${name} WHERE deleted_at IS NULL AND ${key} > ? ORDER BY ${key} LIMIT ?`, [after, limit]);
    if (rs.rows.length === 0) return;
    yield rs.rows;
    sent += rs.rows.length;
    after = rs.rows[rs.rows.length - 1][key] as string | number;
    if (rs.rows.length < limit) return;
  }
}

/** The header line and rows of an export as CSV chunks (UTF-8 with BOM so Excel reads Chinese). */
export async function* exportCsv(db: Executor, name: string, maxRows = Infinity): AsyncGenerator<string> {
  const cols = exportColumns(name);
  yield `\uFEFF${csvLine(cols)}`;
  for await (const page of exportPages(db, name, 5000, maxRows)) {
    yield page.map((row) => csvLine(cols.map((c) => row[c]))).join("");
  }
}
