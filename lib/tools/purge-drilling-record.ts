import { z } from "zod";
import { requireDailyAnyState } from "../data/daily-any.ts";
import { finishDailyChange } from "../data/daily-write.ts";
import { actorOf } from "../data/history.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool, ONE_TIME_CHANGE } from "../call/define-tool.ts";

/** The confirmation text `purge_drilling_record` demands for `recordId`. */
export const purgeConfirmation = (recordId: number): string => `PURGE ${recordId}`;

/**
 * `purge_drilling_record` (ADMIN): removes a soft-deleted report from the table for
 * good. Asks for `confirm: "PURGE <id>"`; the last state stays in record_history.
 */
export const purgeDrillingRecord = defineTool({
  name: "purge_drilling_record",
  title: "彻底删除钻井日报 Purge a drilling daily report",
  description:
    "彻底删除一条已用 delete_drilling_record 删除的钻井日报，不可恢复（最后状态留在历史中）。 / Remove a deleted drilling " +
    "daily report for good (its last state stays in the history).",
  input: z.strictObject({
    record_id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    confirm: z.string().max(100).describe(
      '须为 "PURGE <记录号>"，如 "PURGE 12" / exactly "PURGE <record_id>"',
    ),
  }),
  output: z.object({
    record_id: z.number().int(),
    well_id: z.string(),
    report_date: z.string(),
    message: z.string(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: ONE_TIME_CHANGE,
  async run({ record_id, confirm }, { db, user }) {
    const expected = purgeConfirmation(record_id);
    if (confirm !== expected) {
      throw new ToolError(
        "invalid",
        `须确认彻底删除：confirm 须为 "${expected}"，收到 "${
          confirm.slice(0, 100)
        }" / purge needs confirmation: confirm must be "${expected}", got "${
          confirm.slice(0, 100)
        }"`,
      );
    }
    const row = await db.transaction(async (tx) => {
      const found = await requireDailyAnyState(tx, record_id);
      if (found.deleted_at === null) {
        throw new ToolError(
          "conflict",
          `记录号 "${record_id}" 仍有效：请先用 delete_drilling_record 删除，再彻底删除 / record "${record_id}" is live: delete it with delete_drilling_record first, then purge it`,
        );
      }
      await tx.execute("DELETE FROM drilling_daily WHERE id = ?", [record_id]);
      await finishDailyChange(tx, {
        recordId: record_id,
        action: "purge",
        before: found,
        by: actorOf(user),
      });
      return found;
    });
    const message =
      `已彻底删除记录号 ${record_id}（${row.well_id} ${row.report_date}），最后状态保留在历史中。 / Purged record ${record_id} ` +
      `(${row.well_id} ${row.report_date}); its last state stays in the history.`;
    return {
      structured: {
        record_id,
        well_id: String(row.well_id),
        report_date: String(row.report_date),
        message,
      },
      text: message,
    };
  },
});
