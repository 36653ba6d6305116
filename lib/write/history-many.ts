import type { Executor, Row, SqlValue } from "../db/db.ts";
import type { HistoryAction } from "../data/history.ts";

/** One record_history entry (as lib/data/history.ts recordHistory takes it). */
export interface HistoryEntry {
  readonly recordId: string | number;
  readonly action: HistoryAction;
  readonly before: Row | null;
  readonly after: Row | null;
}

const PER_STATEMENT = 500;

/**
 * Records many changes of `table` in record_history with a few multi-row INSERTs
 * (inside the caller's transaction): the same rows recordHistory writes one by one.
 */
export async function recordHistoryMany(
  tx: Executor,
  table: string,
  by: string,
  entries: readonly HistoryEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += PER_STATEMENT) {
    const part = entries.slice(i, i + PER_STATEMENT);
    const args: SqlValue[] = [];
    for (const e of part) {
      args.push(
        table,
        String(e.recordId),
        e.action,
        e.before && JSON.stringify(e.before),
        e.after && JSON.stringify(e.after),
        by,
      );
    }
    await tx.execute(
      `INSERT INTO record_history (table_name, record_id, action, before_json, after_json, changed_by) VALUES ${
        part.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")
      }`,
      args,
    );
  }
}
