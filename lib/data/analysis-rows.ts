import { z } from "zod";
import type { Executor } from "../db.ts";
import type { DrillingRecord } from "../analysis/record.ts";
import { ToolError } from "../tool-error.ts";
import { activityLinesSql, hasActivityLines } from "./activity-lines-sql.ts";
import type { DateClock } from "./date-arg.ts";
import { dailyWhere, describeFilter, resolveDailyFilter } from "./daily-filter.ts";
import type { DailyFilter, DailyFilterArgs } from "./daily-filter.ts";
import type { WellResolution } from "./resolve-wells.ts";
import { wellResolutionSchema } from "./well-resolution-schema.ts";

/** Most rows one analysis reads; a filter selecting more is refused with a request to narrow it. */
export const ANALYSIS_ROW_CAP = 200_000;

/** The columns lib/analysis reads (see DrillingRecord) that an analysis may ask for. */
export type AnalysisColumn =
  | "spud_date" | "depth_m" | "footage_m" | "bit_type" | "bit_diameter_mm" | "wob_kn" | "rop_m_h" | "rpm"
  | "torque_kn_m" | "formation" | "lithology" | "drilling_hours_h" | "on_bottom_hours_cum_h" | "npt_h"
  | "npt_category" | "main_work";

// Reading 80,000 rows costs about a second per handful of columns, so each analysis names its own,
// and the main-work text (long, read only for NPT) comes only where npt_h cannot be used.
function selectList(columns: readonly AnalysisColumn[], withActivities: boolean): string {
  const picked = [...new Set(columns)].map((c) =>
    c === "main_work" ? "CASE WHEN d.npt_h IS NULL OR d.npt_h < 0 THEN d.main_work END AS main_work" : `d.${c}`
  );
  // NPT analyses also read the day's activity lines, their best source (lib/analysis/npt.ts rowNpt).
  const lines = withActivities && columns.includes("npt_h") ? [activityLinesSql("d")] : [];
  return ["d.id", "d.well_id", "d.report_date", ...picked, ...lines].join(", ");
}

/** The rows an analysis runs on and how the typed filter was read. */
export interface AnalysisRows {
  readonly rows: DrillingRecord[];
  /** The filter in words, for answers (see describeFilter). */
  readonly filter: string;
  /** The stored well ids the filter names (after resolution and expandWells); empty when it names none. */
  readonly well_ids: string[];
  readonly dates_used: string | null;
  readonly wells_resolved: WellResolution[];
  /** Lines for the end of a text answer: the dates read from words, typed well ids read differently. */
  readonly notes: string;
}

/** Output fields every analysis echoes: the filter applied and how typed dates and well ids were read. */
export const analysisFilterEchoShape = {
  filter: z.string().describe("所用筛选条件 the filter applied"),
  dates_used: z.string().nullable().describe("所用日期（由日期词语换算）the dates the date words were read as"),
  wells_resolved: z.array(wellResolutionSchema).describe("井号如何识别 how each typed well id was read"),
};

/** Options of selectAnalysisRows. */
export interface SelectOptions {
  /** Replaces the resolved well ids (e.g. with their offset wells); called only when the filter names wells. */
  readonly expandWells?: (wellIds: string[]) => Promise<string[]>;
  readonly cap?: number;
}

/** An analysis's selection before its rows are read: the resolved filter, and the echo of AnalysisRows. */
export interface AnalysisSelection extends Omit<AnalysisRows, "rows"> {
  /** The filter to read rows with (dailyWhere), wells already expanded. */
  readonly resolved: DailyFilter;
}

/**
 * Resolves the typed filter (well ids as people write them, date words on `clock`; an
 * unknown or ambiguous well is a ToolError from resolveDailyFilter), then reads the live
 * drilling daily rows it selects, by well then report date: id, well_id, report_date and
 * `columns` (main_work only on rows whose npt_h is missing or negative, the only rows whose
 * text NPT analysis reads). More than `cap` rows is a ToolError("invalid"), so an analysis
 * never silently works on part of the selection.
 */
export async function selectAnalysisRows(
  db: Executor,
  args: DailyFilterArgs,
  clock: DateClock,
  columns: readonly AnalysisColumn[],
  opts: SelectOptions = {},
): Promise<AnalysisRows> {
  const { resolved, ...selection } = await selectAnalysis(db, args, clock, opts);
  return { rows: await fetchAnalysisRows(db, resolved, columns, opts.cap), ...selection };
}

/** The first half of selectAnalysisRows: the filter resolved and echoed, no rows read (for analyses done in SQL). */
export async function selectAnalysis(db: Executor, args: DailyFilterArgs, clock: DateClock, opts: SelectOptions = {}): Promise<AnalysisSelection> {
  const resolved = await resolveDailyFilter(db, args, clock);
  let filter: DailyFilter = resolved.filter;
  let described = describeFilter(filter);
  const named = [...(filter.well_id ? [filter.well_id] : []), ...(filter.well_ids ?? [])];
  if (opts.expandWells && named.length > 0) {
    filter = { ...filter, well_id: undefined, well_ids: await opts.expandWells(named) };
    const n = filter.well_ids!.length;
    described += `（扩展为 ${n} 口井 expanded to ${n} wells）`;
  }
  const notes = [
    resolved.dates_used ? `\n日期 dates: ${resolved.dates_used}` : "",
    ...resolved.wells.filter((w) => w.match !== "exact").map((w) => `\n井号 well: ${w.note}`),
  ].join("");
  return {
    resolved: filter, filter: described, well_ids: [...(filter.well_id ? [filter.well_id] : []), ...(filter.well_ids ?? [])],
    dates_used: resolved.dates_used, wells_resolved: resolved.wells, notes,
  };
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
    `SELECT ${selectList(columns, columns.includes("npt_h") && (await hasActivityLines(db)))} FROM drilling_daily d WHERE ${where.sql}
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
