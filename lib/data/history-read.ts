import type { Executor, Row } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";
import type { HistoryAction } from "./history.ts";

/** One `record_history` row with its JSON snapshots parsed. */
export interface HistoryEntry {
  readonly id: number;
  readonly table: string;
  readonly recordId: string;
  readonly action: HistoryAction;
  readonly before: Row | null;
  readonly after: Row | null;
  readonly changedBy: string;
  readonly changedAt: string;
}

function parse(text: unknown): Row | null {
  return typeof text === "string" ? (JSON.parse(text) as Row) : null;
}

/** Turns a selected `record_history` row into a {@link HistoryEntry}. */
export function toHistoryEntry(row: Row): HistoryEntry {
  return {
    id: Number(row.id),
    table: String(row.table_name),
    recordId: String(row.record_id),
    action: row.action as HistoryAction,
    before: parse(row.before_json),
    after: parse(row.after_json),
    changedBy: String(row.changed_by),
    changedAt: String(row.changed_at),
  };
}

/** The history entry `id`; a not_found ToolError naming it otherwise. */
export async function requireHistoryEntry(db: Executor, id: number): Promise<HistoryEntry> {
  const rs = await db.execute("SELECT * FROM record_history WHERE id = ?", [id]);
  if (!rs.rows[0]) {
    throw new ToolError(
      "not_found",
      `未找到历史号 "${id}"：请用 get_record_history 查看某条记录的历史 / history entry "${id}" not found: use get_record_history to list a record's history`,
    );
  }
  return toHistoryEntry(rs.rows[0]);
}

/** Names of the columns whose value differs between two snapshots (either may be null). */
export function changedFields(before: Row | null, after: Row | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => (before?.[k] ?? null) !== (after?.[k] ?? null));
}
