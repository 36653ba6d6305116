import type { Executor, Row } from "../db/db.ts";
import { recordHistoryMany } from "../write/history-many.ts";
import { storedSelect } from "../write/plan-chunk.ts";
import { DRILLING_ACTIVITIES_TARGET } from "../write/targets.ts";

/** One re-imported report day and the starts of the activities its file lists. */
export interface ImportedDay {
  readonly well_id: string;
  readonly report_date: string;
  readonly starts: readonly string[];
}

/**
 * Soft-deletes the live activities of each imported day that the day's file no longer lists
 * (a corrected report replaces its activity lines), keeping each in record_history. With
 * `apply` false only counts them. Returns how many.
 */
export async function removeStaleActivities(
  tx: Executor,
  days: readonly ImportedDay[],
  actor: string,
  apply: boolean,
): Promise<number> {
  const cols = storedSelect(DRILLING_ACTIVITIES_TARGET);
  let removed = 0;
  for (const d of days) {
    const rs = await tx.execute(
      `SELECT ${
        cols.join(", ")
      } FROM drilling_activities WHERE well_id = ? AND report_date = ? AND deleted_at IS NULL`,
      [d.well_id, d.report_date],
    );
    const keep = new Set(d.starts);
    const stale = rs.rows.filter((r) => !keep.has(String(r.start_time)));
    removed += stale.length;
    if (!apply || stale.length === 0) continue;
    for (const r of stale) {
      await tx.execute(
        "UPDATE drilling_activities SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_by = ? WHERE id = ?",
        [actor, r.id as number],
      );
    }
    await recordHistoryMany(
      tx,
      "drilling_activities",
      actor,
      stale.map((r: Row) => ({
        recordId: r.id as number,
        action: "delete" as const,
        before: r,
        after: null,
      })),
    );
  }
  return removed;
}
