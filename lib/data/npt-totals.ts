import type { Executor } from "../db/db.ts";
import type { NptCategory } from "../analysis/npt-categories.ts";
import type { NptTotals } from "../analysis/npt.ts";
import { ANALYSIS_ROW_CAP, tooManyRows } from "./analysis-fetch.ts";
import { dailyWhere } from "./daily-where.ts";
import type { DailyFilter } from "./daily-filter.ts";

/** NptTotals of the rows a filter selects, plus the rows whose text names NPT without hours. */
export interface NptSqlTotals extends NptTotals {
  readonly hoursUnknown: number;
}

/**
 * Adds up the NPT of the live drilling daily rows `filter` selects in SQL, from daily_npt (each
 * report's NPT, derived at write time by lib/data/daily-npt.ts), the same figures nptBreakdown
 * adds up from rows: each report's hours capped to 24 h, wells' categories in the order first met
 * (by report date, id). More than `cap` rows is the same ToolError as for an analysis reading rows.
 */
export async function nptTotals(db: Executor, filter: DailyFilter, cap = ANALYSIS_ROW_CAP): Promise<NptSqlTotals> {
  const where = dailyWhere(filter);
  const selected = `SELECT d.id, d.well_id, d.report_date FROM drilling_daily d WHERE ${where.sql}`;
  const count = Number((await db.execute(`SELECT count(*) AS n FROM (${selected} LIMIT ?)`, [...where.args, cap + 1])).rows[0].n);
  if (count > cap) throw tooManyRows(filter, cap);
  const reports = `WITH s AS (${selected}),
    r AS (SELECT p.report_id, sum(p.hours) AS total, max(p.source) AS source, max(p.source = 'text') AS classified, max(p.hours_unknown) AS unknown
          FROM daily_npt p JOIN s ON s.id = p.report_id GROUP BY p.report_id)`;
  const wells = await db.execute(
    `${reports} SELECT nullif(trim(s.well_id), '') AS well_id, count(*) AS days, sum(r.classified) AS classified,
       sum(r.source = 'activities') AS activities, sum(r.source = 'recorded') AS recorded,
       sum(r.total > 24) AS capped, sum(r.classified AND r.unknown) AS unknown
     FROM s JOIN r ON r.report_id = s.id GROUP BY 1`,
    where.args,
  );
  const hours = await db.execute(
    `${reports} SELECT nullif(trim(s.well_id), '') AS well_id, p.category,
       sum(CASE WHEN r.total > 24 THEN p.hours * (24.0 / r.total) ELSE p.hours END) AS hours,
       min(printf('%s|%015d|%05d', s.report_date, s.id, p.ord)) AS first
     FROM s JOIN r ON r.report_id = s.id JOIN daily_npt p ON p.report_id = s.id
     WHERE p.category IS NOT NULL AND p.hours > 0 GROUP BY 1, 2 ORDER BY 1, first`,
    where.args,
  );
  const byWell = new Map<string | null, { days: number; npt: Map<NptCategory, number> }>();
  let days = 0, classified = 0, activities = 0, recorded = 0, capped = 0, unknown = 0;
  for (const w of wells.rows) {
    byWell.set(w.well_id === null ? null : String(w.well_id), { days: Number(w.days), npt: new Map() });
    days += Number(w.days);
    classified += Number(w.classified);
    activities += Number(w.activities);
    recorded += Number(w.recorded);
    capped += Number(w.capped);
    unknown += Number(w.unknown);
  }
  const byCategory = new Map<NptCategory, number>();
  for (const h of hours.rows) {
    const key = h.category as NptCategory;
    byWell.get(h.well_id === null ? null : String(h.well_id))?.npt.set(key, Number(h.hours));
    byCategory.set(key, (byCategory.get(key) ?? 0) + Number(h.hours));
  }
  return { rowCount: count, days, sources: { activities, recorded, text: classified }, capped, without: count - days, byCategory, byWell, hoursUnknown: unknown };
}
