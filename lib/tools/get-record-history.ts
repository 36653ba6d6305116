import { z } from "zod";
import { changedFields, toHistoryEntry } from "../data/history-read.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";

const snapshot = z.record(z.string(), z.unknown()).nullable();

/** `get_record_history`: every version of one drilling daily report (also of a purged one), newest first. */
export const getRecordHistory = defineTool({
  name: "get_record_history",
  title: "记录修改历史 Record history",
  description:
    "一条钻井日报的修改历史（新增、修改、删除、恢复、撤销），新的在前，含前后值、修改人和时间；历史号用于 undo_record_change。 / " +
    "A drilling daily report's versions, newest first, with values before and after, who and when; history ids feed undo_record_change.",
  input: z.strictObject({
    record_id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    limit: z.number().int().min(1).max(200).default(20),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  }),
  output: z.object({
    record_id: z.number().int(),
    total: z.number().int(),
    next_offset: z.number().int().nullable(),
    entries: z.array(z.object({
      history_id: z.number().int(),
      action: z.string().describe("insert / update / delete / restore / undo / purge"),
      changed_by: z.string(),
      changed_at: z.string().describe("UTC"),
      changed_fields: z.array(z.string()),
      before: snapshot,
      after: snapshot,
    })),
  }),
  group: "history",
  toolset: "write",
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ record_id, limit, offset }, { db }) {
    const key = ["drilling_daily", String(record_id)];
    const total = Number(
      (await db.execute(
        "SELECT count(*) AS n FROM record_history WHERE table_name = ? AND record_id = ?",
        key,
      )).rows[0].n,
    );
    // No history and no row (or one outside the caller's scope): answered as a missing record.
    if (
      total === 0 &&
      !(await db.execute("SELECT 1 FROM drilling_daily WHERE id = ?", [record_id])).rows.length
    ) {
      throw new ToolError(
        "not_found",
        `记录号 "${record_id}" 不存在，也没有历史 / record "${record_id}" does not exist and has no history: use query_drilling_data to find record ids`,
      );
    }
    const rs = await db.execute(
      "SELECT * FROM record_history WHERE table_name = ? AND record_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
      [...key, limit, offset],
    );
    const entries = rs.rows.map(toHistoryEntry).map((e) => ({
      history_id: e.id,
      action: e.action,
      changed_by: e.changedBy,
      changed_at: e.changedAt,
      changed_fields: e.before && e.after ? changedFields(e.before, e.after) : [],
      before: e.before,
      after: e.after,
    }));
    const next = offset + entries.length < total ? offset + entries.length : null;
    const lines = entries.map((e) =>
      `- #${e.history_id} ${e.changed_at} ${e.action} ${e.changed_by}${
        e.changed_fields.length ? `: ${e.changed_fields.join(", ")}` : ""
      }`
    );
    const text = total === 0
      ? `记录号 ${record_id} 没有历史（演示数据未经修改时即如此）。 / Record ${record_id} has no history (untouched demo data has none).`
      : [
        `记录号 ${record_id} 共 ${total} 条历史。 / Record ${record_id} has ${total} history entries.`,
        ...lines,
      ].join("\n");
    return { structured: { record_id, total, next_offset: next, entries }, text };
  },
});
