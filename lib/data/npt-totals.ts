import type { Executor } from "../db/db.ts";
import type { NptCategory } from "../analysis/npt-categories.ts";
import type { NptTotals } from "../analysis/npt.ts";
import { ANALYSIS_ROW_CAP } from "./analysis-fetch.ts";
import { checkRowCap } from "./analysis-sql.ts";
import { dailyWhere } from "./daily-where.ts";
import type { DailyFilter } from "./daily-filter.ts";

/** NptTotals of the rows a filter selects, plus the rows whose text names NPT without hours. */
export interface NptSqlTotals extends NptTotals {
  readonly hoursUnknown: number;
}

/**
 * The SQL of {@link nptTotals} (exported for its query-plan test). `days`: per well, the selected
 * reports with a known NPT by source, from each report's first daily_npt row (`ord` 0; a report's
 * `source` and `hours_unknown` are the same on all its rows), read through the covering index of
 * migration 009 and daily_npt's primary key, never the wide table. `hours`: only the reports with
 * hours (a small share), each with its total for the 24 h cap: kind 0 the capped count, kind 1
 * the hours per well and category in the order first met.
 */
export function nptQueries(
  filter: DailyFilter,
): { days: string; hours: string; args: ReturnType<typeof dailyWhere>["args"] } {
  const where = dailyWhere(filter);
  // CROSS JOIN keeps drilling_daily outer: its index gives the filter and the well order, so the
  // inner grouping by well streams; the trimmed well (as nptBreakdown keys it) merges the few it joins.
  const days =
    `SELECT nullif(trim(w), '') AS well_id, sum(days) AS days, sum(classified) AS classified, sum(activities) AS activities,
      sum(recorded) AS recorded, sum(unknown) AS unknown
    FROM (SELECT d.well_id AS w, count(*) AS days, sum(p.source = 'text') AS classified, sum(p.source = 'activities') AS activities,
        sum(p.source = 'recorded') AS recorded, sum(p.source = 'text' AND p.hours_unknown) AS unknown
      FROM drilling_daily d CROSS JOIN daily_npt p ON p.report_id = d.id AND p.ord = 0 WHERE ${where.sql} GROUP BY d.well_id)
    GROUP BY 1`;
  // A report can be capped (total > 24 h) or add hours only if one of its rows has hours > 0; its
  // total adds all its rows in key order, as the reference does.
  const hours = `WITH hot AS MATERIALIZED (
      SELECT x.report_id AS id, (SELECT sum(q.hours) FROM daily_npt q WHERE q.report_id = x.report_id) AS total,
        nullif(trim(d.well_id), '') AS w, d.report_date
      FROM (SELECT DISTINCT report_id FROM daily_npt WHERE hours > 0) x CROSS JOIN drilling_daily d ON d.id = x.report_id
      WHERE ${where.sql})
    SELECT 0 AS kind, NULL AS well_id, NULL AS category, sum(total > 24) AS hours, NULL AS first FROM hot
    UNION ALL
    SELECT 1, hot.w, p.category, sum(CASE WHEN hot.total > 24 THEN p.hours * (24.0 / hot.total) ELSE p.hours END),
      min(printf('%s|%015d|%05d', hot.report_date, hot.id, p.ord))
    FROM hot CROSS JOIN daily_npt p ON p.report_id = hot.id WHERE p.category IS NOT NULL AND p.hours > 0 GROUP BY 2, 3
    ORDER BY 1, 2, 5`;
  return { days, hours, args: where.args };
}

/**
 * Adds up the NPT of the live drilling daily rows `filter` selects in SQL, from daily_npt (each
 * report's NPT, derived at write time by lib/data/daily-npt.ts), the same figures nptBreakdown
 * adds up from rows: each report's hours capped to 24 h, wells' categories in the order first met
 * (by report date, id). More than `cap` rows is the same ToolError as for an analysis reading rows.
 */
export async function nptTotals(
  db: Executor,
  filter: DailyFilter,
  cap = ANALYSIS_ROW_CAP,
): Promise<NptSqlTotals> {
  const count = await checkRowCap(db, filter, cap);
  const q = nptQueries(filter);
  const wells = await db.execute(q.days, q.args);
  const hours = await db.execute(q.hours, q.args);
  const byWell = new Map<string | null, { days: number; npt: Map<NptCategory, number> }>();
  let days = 0, classified = 0, activities = 0, recorded = 0, unknown = 0;
  for (const w of wells.rows) {
    byWell.set(w.well_id === null ? null : String(w.well_id), {
      days: Number(w.days),
      npt: new Map(),
    });
    days += Number(w.days);
    classified += Number(w.classified);
    activities += Number(w.activities);
    recorded += Number(w.recorded);
    unknown += Number(w.unknown);
  }
  let capped = 0;
  const byCategory = new Map<NptCategory, number>();
  for (const h of hours.rows) {
    if (Number(h.kind) === 0) {
      capped = Number(h.hours ?? 0);
      continue;
    }
    const key = h.category as NptCategory;
    byWell.get(h.well_id === null ? null : String(h.well_id))?.npt.set(key, Number(h.hours));
    byCategory.set(key, (byCategory.get(key) ?? 0) + Number(h.hours));
  }
  return {
    rowCount: count,
    days,
    sources: { activities, recorded, text: classified },
    capped,
    without: count - days,
    byCategory,
    byWell,
    hoursUnknown: unknown,
  };
}
