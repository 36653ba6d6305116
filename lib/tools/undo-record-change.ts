import { z } from "zod";
import { finishDailyChange, requireDaily, storedColumns } from "../data/daily-write.ts";
import { changedFields, requireHistoryEntry } from "../data/history-read.ts";
import { actorOf } from "../data/history.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { columnNames } from "../schema/zod.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool, ONE_TIME_CHANGE } from "../call/define-tool.ts";
import { dailyRecordSchema } from "../data/daily-rows.ts";

const DATA_COLUMNS = columnNames(DRILLING_DAILY);

/**
 * `undo_record_change`: puts a record's fields back as they were before one update
 * (or undo), given its history id. Only the record's newest change can be undone,
 * so nothing later is silently lost. ADMIN may undo any change; ENGINEER only a
 * change recorded under their own identity (email and id).
 */
export const undoRecordChange = defineTool({
  name: "undo_record_change",
  title: "撤销一次修改 Undo a change",
  description:
    "撤销钻井日报的一次修改，字段恢复为修改前的值：只能撤销该记录最新的一次；工程师只能撤销自己的修改。 / Undo one change " +
    "to a drilling daily report (only its newest; an ENGINEER only their own).",
  input: z.strictObject({
    history_id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe(
      "历史号，见 get_record_history / history id",
    ),
  }),
  output: z.object({
    record: dailyRecordSchema,
    reverted: z.array(z.string()).describe("恢复的字段 fields put back"),
    history_id: z.number().int().describe("本次撤销的历史号 history id of this undo"),
    message: z.string(),
  }),
  group: "history",
  toolset: "write",
  annotations: ONE_TIME_CHANGE,
  async run({ history_id }, { db, user, hasGroup }) {
    const actor = actorOf(user);
    const result = await db.transaction(async (tx) => {
      const entry = await requireHistoryEntry(tx, history_id);
      if (
        entry.table !== "drilling_daily" ||
        (entry.action !== "update" && entry.action !== "undo") || !entry.before
      ) {
        const hint = entry.action === "delete"
          ? "删除请用 restore_drilling_record 恢复 / use restore_drilling_record for a delete"
          : "只能撤销修改 / only updates can be undone";
        throw new ToolError(
          "invalid",
          `历史号 "${history_id}" 是 ${entry.action}，不是修改：${hint}`,
        );
      }
      if (!hasGroup("admin") && (!(user.email || user.id) || entry.changedBy !== actor)) {
        throw new ToolError(
          "forbidden",
          `工程师只能撤销自己的修改：历史号 "${history_id}" 由 "${entry.changedBy}" 修改，请联系管理员 / an ENGINEER may undo only their own changes: history entry "${history_id}" was made by "${entry.changedBy}"; ask an ADMIN`,
        );
      }
      const newer = await tx.execute(
        "SELECT id, action FROM record_history WHERE table_name = ? AND record_id = ? AND id > ? ORDER BY id",
        [entry.table, entry.recordId, history_id],
      );
      if (newer.rows.length) {
        const ids = newer.rows.map((r) => `${r.id} (${r.action})`).join(", ");
        throw new ToolError(
          "conflict",
          `记录号 ${entry.recordId} 在此之后还有更新的变更（历史号 ${ids}）：请先撤销最新的 / record ${entry.recordId} changed after this entry (history ${ids}): undo the newest first`,
        );
      }
      const current = await requireDaily(tx, Number(entry.recordId));
      const reverted = DATA_COLUMNS.filter((c) =>
        (entry.before?.[c] ?? null) !== (current[c] ?? null)
      );
      if (reverted.length) {
        await tx.execute(
          `UPDATE drilling_daily SET ${
            reverted.map((c) => `${c} = ?`).join(", ")
          }, updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
          [...reverted.map((c) => entry.before?.[c] ?? null), actor, current.id],
        );
      }
      const after = await finishDailyChange(tx, {
        recordId: current.id,
        action: "undo",
        before: storedColumns(current),
        by: actor,
      });
      const id = Number((await tx.execute("SELECT max(id) AS id FROM record_history")).rows[0].id);
      return {
        record: after,
        reverted: changedFields(storedColumns(current), storedColumns(after)),
        history_id: id,
      };
    });
    const message =
      `已撤销历史号 ${history_id}：记录号 ${result.record.id} 的 ${
        result.reverted.join(", ") || "（无变化）"
      } 已恢复。 / ` +
      `Undid history entry ${history_id}: ${
        result.reverted.join(", ") || "(nothing differed)"
      } of record ${result.record.id} put back.`;
    return { structured: { ...result, message }, text: message };
  },
});
