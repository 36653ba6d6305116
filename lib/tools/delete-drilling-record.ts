import { z } from "zod";
import { finishDailyChange, requireDaily, storedColumns } from "../data/daily-write.ts";
import { actorOf } from "../data/history.ts";
import { defineTool, ONE_TIME_CHANGE } from "../call/define-tool.ts";

/** `delete_drilling_record` (ADMIN): a soft delete; the report disappears from answers but can be restored. */
export const deleteDrillingRecord = defineTool({
  name: "delete_drilling_record",
  title: "删除钻井日报 Delete a drilling daily report",
  description:
    "按记录号删除一条钻井日报（软删除，可用 restore_drilling_record 恢复）。 / Delete one drilling daily report by record id " +
    "(soft delete; restore_drilling_record brings it back).",
  input: z.strictObject({ record_id: z.number().int().min(1) }),
  output: z.object({
    record_id: z.number().int(),
    well_id: z.string(),
    report_date: z.string(),
    deleted_at: z.string().describe("删除时间 when it was deleted (UTC)"),
    message: z.string(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: ONE_TIME_CHANGE,
  async run({ record_id }, { db, user }) {
    const deleted = await db.transaction(async (tx) => {
      const before = await requireDaily(tx, record_id);
      const stamp = new Date().toISOString();
      // Only deleted_at changes, so a restore brings back the identical row; who deleted is in record_history and audit_log.
      await tx.execute("UPDATE drilling_daily SET deleted_at = ? WHERE id = ?", [stamp, record_id]);
      await finishDailyChange(tx, {
        recordId: record_id,
        action: "delete",
        before: storedColumns(before),
        by: actorOf(user),
      });
      return {
        record_id,
        well_id: before.well_id,
        report_date: before.report_date,
        deleted_at: stamp,
      };
    });
    const message =
      `已删除记录号 ${record_id}（${deleted.well_id} ${deleted.report_date}），可恢复。 / Deleted record ${record_id} (${deleted.well_id} ${deleted.report_date}); it can be restored.`;
    return { structured: { ...deleted, message }, text: message };
  },
});
