import type { Executor } from "../db.ts";
import { refreshReportNpt } from "../../data/daily-npt.ts";

/**
 * Version 6: the NPT of each drilling daily report, derived at write time (issue 16) so analyses
 * aggregate it in SQL instead of reading every row's text. One home per report, kept current by
 * lib/data/daily-npt.ts's refreshReportNpt in the same transaction as every write of
 * drilling_daily. Rows of a report: one per category with hours (`category` a key of
 * lib/analysis/npt-categories.ts; `ord` the order the source named them), or one row with
 * category NULL and 0 h when its NPT is known to be none; no row when its NPT is unknown.
 * `source` says where it came from: 'recorded' (npt_h/npt_category), 'text' (the main-work text
 * classifier), 'activities' (reserved for the day's activity lines). `hours_unknown` = 1 when the
 * text names a cause without hours (left out of the hours).
 */
export const MIGRATION_007 = {
  version: 7,
  name: "daily_npt: each report's NPT by category, derived at write time",
  statements: [
    `CREATE TABLE daily_npt (
      report_id INTEGER NOT NULL,
      ord INTEGER NOT NULL,
      category TEXT CHECK (category IS NULL OR category IN ('equipment', 'waiting', 'downhole', 'weather', 'other')),
      hours REAL NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('recorded', 'text', 'activities')),
      hours_unknown INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (report_id, ord)
    ) WITHOUT ROWID`,
  ],
  /** Fills the table for the reports already stored (inside the migration's transaction). */
  async backfill(tx: Executor): Promise<void> {
    let after = 0;
    for (;;) {
      const ids =
        (await tx.execute("SELECT id FROM drilling_daily WHERE id > ? ORDER BY id LIMIT 5000", [
          after,
        ])).rows.map((r) => Number(r.id));
      if (ids.length === 0) return;
      await refreshReportNpt(tx, ids);
      after = ids[ids.length - 1];
    }
  },
} as const;
