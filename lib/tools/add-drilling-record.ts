import { z } from "zod";
import { dailyFieldsShape, isoDate, wellIdArg } from "../data/daily-input.ts";
import { finishDailyChange } from "../data/daily-write.ts";
import { actorOf } from "../data/history.ts";
import { requireWell } from "../data/wells.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";
import { dailyRecordSchema } from "../data/daily-rows.ts";

/** `add_drilling_record`: files one daily report for a known well and a day that has none yet. */
export const addDrillingRecord = defineTool({
  name: "add_drilling_record",
  title: "新增钻井日报 Add a drilling daily report",
  description:
    "新增一条用户口述的钻井日报：井须在基础信息中且当天没有日报（有则 update_drilling_record）；字段同 save_drilling_daily，" +
    "不合理的值被拒并说明范围。 / Add one drilling daily report the user " +
    "dictates: the well must be in the master with no report that day (else update_drilling_record); implausible values are " +
    "refused naming the range. Reports read from a file go to save_drilling_daily.",
  input: z.strictObject({
    well_id: wellIdArg,
    report_date: isoDate.describe("YYYY-MM-DD"),
    ...dailyFieldsShape,
  }),
  output: z.object({ record: dailyRecordSchema, message: z.string() }),
  group: "write",
  toolset: "write",
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: false,
  },
  async run(args, { db, user }) {
    const record = await db.transaction(async (tx) => {
      await requireWell(tx, args.well_id);
      const clash = await tx.execute(
        "SELECT id FROM drilling_daily WHERE well_id = ? AND report_date = ? AND deleted_at IS NULL",
        [args.well_id, args.report_date],
      );
      if (clash.rows.length) {
        const id = clash.rows[0].id;
        throw new ToolError(
          "conflict",
          `井 "${args.well_id}" 在 "${args.report_date}" 已有日报（记录号 ${id}）：请用 update_drilling_record 修改 / ` +
            `well "${args.well_id}" already has a report on "${args.report_date}" (record ${id}): use update_drilling_record to change it`,
        );
      }
      const entries = Object.entries(args).filter(([, v]) => v !== undefined);
      const columns = [...entries.map(([k]) => k), "created_by", "updated_by"];
      const actor = actorOf(user);
      const inserted = await tx.execute(
        `INSERT INTO drilling_daily (${columns.join(", ")}) VALUES (${
          columns.map(() => "?").join(", ")
        })`,
        [...entries.map(([, v]) => v as string | number | null), actor, actor],
      );
      return await finishDailyChange(tx, {
        recordId: Number(inserted.lastInsertRowid),
        action: "insert",
        before: null,
        by: actor,
      });
    });
    const message =
      `已新增记录号 ${record.id}：${record.well_id} ${record.report_date}。 / Added record ${record.id}: ${record.well_id} ${record.report_date}.`;
    return { structured: { record, message }, text: message };
  },
});
