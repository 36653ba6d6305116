import type { Executor, Row } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";

/** The stored daily row `id` whether live or soft-deleted (every column, as in the table); a not_found ToolError otherwise. */
export async function requireDailyAnyState(db: Executor, id: number): Promise<Row> {
  const rs = await db.execute("SELECT * FROM drilling_daily WHERE id = ?", [id]);
  if (!rs.rows[0]) {
    throw new ToolError(
      "not_found",
      `记录号 "${id}" 不存在（可能已被彻底删除）：其历史可用 get_record_history 查看 / record "${id}" does not exist (it may have been purged): ` +
        "get_record_history still shows its history",
    );
  }
  return rs.rows[0];
}

/** The live daily row holding (well, date), other than `exceptId`, or null. */
export async function liveDailyAt(
  db: Executor,
  wellId: unknown,
  reportDate: unknown,
  exceptId: number,
): Promise<Row | null> {
  const rs = await db.execute(
    "SELECT id FROM drilling_daily WHERE well_id = ? AND report_date = ? AND deleted_at IS NULL AND id <> ?",
    [wellId as string, reportDate as string, exceptId],
  );
  return rs.rows[0] ?? null;
}
