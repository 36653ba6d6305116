import type { Executor, Row } from "../db/db.ts";

/** What happened to a record. */
export type HistoryAction = "insert" | "update" | "delete" | "restore" | "purge" | "undo";

/**
 * Records a change in `record_history` (inside the caller's transaction), so a
 * bad edit or delete can be undone: the full row before and after.
 */
export async function recordHistory(
  tx: Executor,
  entry: {
    table: string;
    recordId: string | number;
    action: HistoryAction;
    before: Row | null;
    after: Row | null;
    by: string;
  },
): Promise<void> {
  await tx.execute(
    `INSERT INTO record_history (table_name, record_id, action, before_json, after_json, changed_by) VALUES (?, ?, ?, ?, ?, ?)`,
    [
      entry.table,
      String(entry.recordId),
      entry.action,
      entry.before && JSON.stringify(entry.before),
      entry.after && JSON.stringify(entry.after),
      entry.by,
    ],
  );
}

/** How a user is named in history and audit rows: `email (id)` or whichever is present. */
export function actorOf(user: { id: string; email: string }): string {
  return [user.email, user.id && `(${user.id})`].filter(Boolean).join(" ") || "unknown";
}
