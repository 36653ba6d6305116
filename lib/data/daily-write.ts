import type { Executor, Row } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";
import { refreshReportNpt } from "./daily-npt.ts";
import { DAILY_SELECT, toDailyRow } from "./daily-rows.ts";
import type { DailyRow } from "./daily-rows.ts";
import { recordHistory } from "./history.ts";

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

/** The changes to one drilling_daily report after which the report is live. */
type LiveAction = "insert" | "update" | "restore" | "undo";

/** What a tool did to one drilling_daily report, for {@link finishDailyChange}. */
interface DailyChange<A> {
  readonly recordId: number;
  readonly action: A;
  /** The stored columns before the change (history's `before`); null for insert and restore. */
  readonly before: Row | null;
  /** Who changed it, as actorOf names them. */
  readonly by: string;
}

const READ_BACK_FAILED: Record<LiveAction, (id: number) => string> = {
  insert: (id) => `inserted drilling report ${id} cannot be read back`,
  update: (id) => `updated drilling report ${id} cannot be read back`,
  restore: (id) => `restored drilling report ${id} cannot be read back`,
  undo: (id) => `record ${id} cannot be read back after undo`,
};

/**
 * The tail of every tool that changes one drilling_daily report, called inside its transaction
 * after its SQL: refreshes the report's NPT, reads the row back when it is still live (insert,
 * update, restore, undo) and writes the history row. Returns the row read back, or null after a
 * delete or purge.
 */
export async function finishDailyChange(
  tx: Executor,
  change: DailyChange<LiveAction>,
): Promise<DailyRow>;
export async function finishDailyChange(
  tx: Executor,
  change: DailyChange<"delete" | "purge">,
): Promise<null>;
export async function finishDailyChange(
  tx: Executor,
  change: DailyChange<LiveAction | "delete" | "purge">,
): Promise<DailyRow | null> {
  const { recordId, action } = change;
  await refreshReportNpt(tx, [recordId]);
  let after: DailyRow | null = null;
  if (action !== "delete" && action !== "purge") {
    after = await findDaily(tx, recordId);
    if (!after) throw new Error(READ_BACK_FAILED[action](recordId));
  }
  await recordHistory(tx, {
    table: "drilling_daily",
    recordId,
    action,
    before: change.before,
    after: after && storedColumns(after),
    by: change.by,
  });
  return after;
}
