import type { Executor } from "../db/db.ts";
import type { DrillingRecord } from "../analysis/record.ts";
import { ToolError } from "../call/tool-error.ts";
import { activityLinesSql, hasActivityLines } from "./activity-lines-sql.ts";
import { PROGRESS_COLUMNS } from "./analysis-fetch.ts";
import { dailyWhere } from "./daily-filter.ts";

/** Most rows one period report reads (a block-month is a few thousand). */
export const PERIOD_ROW_CAP = 50_000;

const COLUMNS = [
  ...PROGRESS_COLUMNS,
  "npt_h",
  "npt_category",
  "bit_type",
  "bit_diameter_mm",
  "mud_density_g_cm3",
  "formation",
  "main_work",
];

/**
 * The live drilling daily rows of `wellIds` between `from` and `to` (inclusive, YYYY-MM-DD), by
 * well then date, with every column a period report reads (main_work on every row: it is also
 * read for notable events). One query; a report's figures and charts all come from it.
 */
export async function fetchPeriodRows(
  db: Executor,
  wellIds: readonly string[],
  from: string,
  to: string,
): Promise<DrillingRecord[]> {
  if (wellIds.length === 0) return [];
  const where = dailyWhere({ well_ids: [...wellIds], date_from: from, date_to: to });
  const lines = (await hasActivityLines(db)) ? `, ${activityLinesSql("d")}` : "";
  const rs = await db.execute(
    `SELECT d.id, d.well_id, d.report_date, ${
      COLUMNS.map((c) => `d.${c}`).join(", ")
    }${lines} FROM drilling_daily d
     WHERE ${where.sql} ORDER BY d.well_id, d.report_date, d.id LIMIT ?`,
    [...where.args, PERIOD_ROW_CAP + 1],
  );
  if (rs.rows.length > PERIOD_ROW_CAP) {
    throw new ToolError(
      "invalid",
      `所选周期超过 ${PERIOD_ROW_CAP} 行：请缩短日期范围 / the period selects more than ${PERIOD_ROW_CAP} rows: choose a shorter period`,
    );
  }
  return rs.rows as DrillingRecord[];
}
