import { z } from "zod";
import { dailyFieldsShape } from "../data/daily-input.ts";
import { finishDailyChange, requireDaily, storedColumns } from "../data/daily-write.ts";
import { actorOf } from "../data/history.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool, IDEMPOTENT_CHANGE } from "../call/define-tool.ts";
import { dailyRecordSchema } from "../data/daily-rows.ts";

/** `update_drilling_record`: changes fields of one report; the previous values go to history. */
export const updateDrillingRecord = defineTool({
  name: "update_drilling_record",
  title: "修改钻井日报 Update a drilling daily report",
  description: "按记录号修改一条钻井日报：只改给出的字段，null 清空；可撤销。 / " +
    "Change fields of one drilling daily report by record id (only those given; null clears one); old values go to " +
    "history and undo_record_change can revert the edit.",
  input: z.strictObject({
    record_id: z.number().int().min(1).describe("记录号，见 query_drilling_data / record id"),
    ...dailyFieldsShape,
  }),
  output: z.object({
    record: dailyRecordSchema,
    changed: z.array(z.string()).describe("被修改的字段 fields whose value changed"),
    message: z.string(),
  }),
  group: "write",
  toolset: "write",
  annotations: IDEMPOTENT_CHANGE,
  async run(args, { db, user }) {
    const { record_id, ...fields } = args;
    const given = Object.entries(fields).filter(([, v]) => v !== undefined);
    if (given.length === 0) {
      throw new ToolError(
        "invalid",
        "没有要修改的字段：请至少给出一个字段 / nothing to change: give at least one field",
      );
    }
    const result = await db.transaction(async (tx) => {
      const before = await requireDaily(tx, record_id);
      const stored = storedColumns(before);
      const changed = given.filter(([k, v]) => stored[k] !== v).map(([k]) => k);
      if (changed.length === 0) return { record: before, changed };
      const actor = actorOf(user);
      await tx.execute(
        `UPDATE drilling_daily SET ${changed.map((k) => `${k} = ?`).join(", ")}, updated_by = ?,
          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND deleted_at IS NULL`,
        [
          ...changed.map((k) => fields[k as keyof typeof fields] as string | number | null),
          actor,
          record_id,
        ],
      );
      const after = await finishDailyChange(tx, {
        recordId: record_id,
        action: "update",
        before: stored,
        by: actor,
      });
      return { record: after, changed };
    });
    const message = result.changed.length
      ? `已修改记录号 ${record_id} 的 ${result.changed.join(", ")}。 / Updated ${
        result.changed.join(", ")
      } of record ${record_id}.`
      : `记录号 ${record_id} 的值与给出的相同，未修改。 / Record ${record_id} already has these values; nothing changed.`;
    return { structured: { ...result, message }, text: message };
  },
});
