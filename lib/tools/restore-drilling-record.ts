import { z } from "zod";
import { liveDailyAt, requireDailyAnyState } from "../data/daily-any.ts";
import { finishDailyChange } from "../data/daily-write.ts";
import { actorOf } from "../data/history.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";
import { dailyRecordSchema } from "../data/daily-rows.ts";

/**
 * `restore_drilling_record` (ADMIN): undoes a soft delete. Only `deleted_at` is
 * cleared, so the row is identical to the one before the delete, every column
 * included (delete touches nothing else); the restore is recorded in history.
 */
export const restoreDrillingRecord = defineTool({
  name: "restore_drilling_record",
  title: "恢复已删除的钻井日报 Restore a deleted drilling daily report",
  description:
    "恢复一条已删除的钻井日报，所有字段原样恢复；同井同日已有另一条有效日报时拒绝。 / Restore a deleted drilling daily report " +
    "as it was; refused when another live report holds the same well and day.",
  input: z.strictObject({ record_id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
  output: z.object({ record: dailyRecordSchema, message: z.string() }),
  group: "admin",
  toolset: "admin",
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: false,
  },
  async run({ record_id }, { db, user }) {
    const record = await db.transaction(async (tx) => {
      const row = await requireDailyAnyState(tx, record_id);
      if (row.deleted_at === null) {
        throw new ToolError(
          "conflict",
          `记录号 "${record_id}" 未被删除，无需恢复 / record "${record_id}" is not deleted; nothing to restore`,
        );
      }
      const clash = await liveDailyAt(tx, row.well_id, row.report_date, record_id);
      if (clash) {
        throw new ToolError(
          "conflict",
          `无法恢复记录号 "${record_id}"：井 "${row.well_id}" 在 "${row.report_date}" 已有有效日报（记录号 ${clash.id}）。请先删除或修改记录号 ${clash.id}，再恢复 / ` +
            `cannot restore record "${record_id}": well "${row.well_id}" already has a live report on "${row.report_date}" (record ${clash.id}); delete or change record ${clash.id} first`,
        );
      }
      await tx.execute("UPDATE drilling_daily SET deleted_at = NULL WHERE id = ?", [record_id]);
      return await finishDailyChange(tx, {
        recordId: record_id,
        action: "restore",
        before: null,
        by: actorOf(user),
      });
    });
    const message =
      `已恢复记录号 ${record_id}（${record.well_id} ${record.report_date}）。 / Restored record ${record_id} (${record.well_id} ${record.report_date}).`;
    return { structured: { record, message }, text: message };
  },
});
