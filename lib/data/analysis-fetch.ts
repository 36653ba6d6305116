import type { Executor } from "../db/db.ts";
import type { DrillingRecord } from "../analysis/record.ts";
import { ToolError } from "../call/tool-error.ts";
import { activityLinesSql, hasActivityLines } from "./activity-lines-sql.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { dailyWhere, describeFilter } from "./daily-where.ts";

/** Most rows one analysis reads; a filter selecting more is refused with a request to narrow it. */
export const ANALYSIS_ROW_CAP = 200_000;

/** The columns lib/analysis reads (see DrillingRecord) that an analysis may ask for. */
export type AnalysisColumn =
  | "spud_date"
  | "depth_m"
  | "footage_m"
  | "bit_type"
  | "bit_diameter_mm"
  | "wob_kn"
  | "rop_m_h"
  | "rpm"
  | "torque_kn_m"
  | "formation"
  | "lithology"
  | "drilling_hours_h"
  | "on_bottom_hours_cum_h"
  | "npt_h"
  | "npt_category"
  | "main_work";

/**
 * The columns that say how far and how fast a well was drilled: depth, footage, ROP, on-bottom
 * hours, and the spud date its days count from. The comparison and the period report read them all.
 */
export const PROGRESS_COLUMNS = [
  "spud_date",
  "depth_m",
  "footage_m",
  "rop_m_h",
  "drilling_hours_h",
  "on_bottom_hours_cum_h",
] as const satisfies readonly AnalysisColumn[];

// Reading 80,000 rows costs about a second per handful of columns, so each analysis names its own,
// and the main-work text (long, read only for NPT) comes only where npt_h cannot be used.
function selectList(columns: readonly AnalysisColumn[], withActivities: boolean): string {
  const picked = [...new Set(columns)].map((c) =>
    c === "main_work"
      ? "CASE WHEN d.npt_h IS NULL OR d.npt_h < 0 THEN d.main_work END AS main_work"
      : `d.${c}`
  );
  // NPT analyses also read the day's activity lines, their best source (lib/analysis/npt.ts rowNpt).
  const lines = withActivities && columns.includes("npt_h") ? [activityLinesSql("d")] : [];
  return ["d.id", "d.well_id", "d.report_date", ...picked, ...lines].join(", ");
}

/** The ToolError of a filter selecting more than `cap` rows. */
export function tooManyRows(filter: DailyFilter, cap: number): ToolError {
  const described = describeFilter(filter);
  return new ToolError(
    "invalid",
    `筛选条件选中超过 ${cap} 行（${described}）：请按井号、日期或地层缩小范围 / the filter selects more than ${cap} rows (${described}): narrow it by well, date or formation`,
  );
}

/**
 * The live drilling daily rows a resolved filter selects (see selectAnalysisRows), or a
 * ToolError("invalid") when more than `cap` match.
 */
export async function fetchAnalysisRows(
  db: Executor,
  filter: DailyFilter,
  columns: readonly AnalysisColumn[],
  cap = ANALYSIS_ROW_CAP,
): Promise<DrillingRecord[]> {
  const where = dailyWhere(filter);
  const rs = await db.execute(
    `SELECT ${
      selectList(columns, columns.includes("npt_h") && (await hasActivityLines(db)))
    } FROM drilling_daily d WHERE ${where.sql}
     ORDER BY d.well_id, d.report_date, d.id LIMIT ?`,
    [...where.args, cap + 1],
  );
  if (rs.rows.length > cap) throw tooManyRows(filter, cap);
  return rs.rows as DrillingRecord[];
}

/** The rows grouped by well id, wells in first-seen order (the rows come sorted by well). */
export function rowsByWell(rows: readonly DrillingRecord[]): Map<string, DrillingRecord[]> {
  const byWell = new Map<string, DrillingRecord[]>();
  for (const r of rows) {
    const id = String(r.well_id);
    const list = byWell.get(id);
    if (list) list.push(r);
    else byWell.set(id, [r]);
  }
  return byWell;
}
