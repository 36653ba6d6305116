import type { Executor, Row } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";
import { DAILY_SELECT, toDailyRow } from "./daily-rows.ts";
import type { DailyRow } from "./daily-rows.ts";

/** The live daily row with `id` (full, as tools return it), or null. */
export async function findDaily(db: Executor, id: number): Promise<DailyRow | null> {
  const rs = await db.execute(
    `SELECT ${DAILY_SELECT} FROM drilling_daily d WHERE d.id = ? AND d.deleted_at IS NULL`,
    [id],
  );
  return rs.rows[0] ? toDailyRow(rs.rows[0]) : null;
}

/** The live daily row with `id`; a not_found ToolError naming it otherwise. */
export async function requireDaily(db: Executor, id: number): Promise<DailyRow> {
  const row = await findDaily(db, id);
  if (!row) {
    throw new ToolError(
      "not_found",
      `未找到记录号 "${id}" 的钻井日报（可能已删除）：请用 query_drilling_data 查找记录号 / drilling report "${id}" not found (it may be deleted): use query_drilling_data to find record ids`,
    );
  }
  return row;
}

/** The stored columns of a row (without the computed `well_in_master`), for history. */
export function storedColumns(row: DailyRow): Row {
  const { well_in_master: _computed, ...stored } = row;
  return stored;
}
