import { z } from "zod";
import type { Executor } from "../db/db.ts";
import type { DrillingRecord } from "../analysis/record.ts";
import { fetchAnalysisRows } from "./analysis-fetch.ts";
import type { AnalysisColumn } from "./analysis-fetch.ts";
import type { DateClock } from "./date-arg.ts";
import { describeFilter, resolveDailyFilter } from "./daily-filter.ts";
import type { DailyFilter, DailyFilterArgs } from "./daily-filter.ts";
import { namedWells } from "./named-wells.ts";
import type { WellResolution } from "./resolve-wells.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";

// The row reading is in its own zod-free file, which the database threads load (lib/data/analysis-jobs.ts).
export { ANALYSIS_ROW_CAP, fetchAnalysisRows, rowsByWell, tooManyRows } from "./analysis-fetch.ts";
export type { AnalysisColumn } from "./analysis-fetch.ts";

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
  dates_used: z.string().nullable().describe(
    "所用日期（由日期词语换算）the dates the date words were read as",
  ),
  wells_resolved: z.array(wellResolutionSchema).describe(
    "井号如何识别 how each typed well id was read",
  ),
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
export async function selectAnalysis(
  db: Executor,
  args: DailyFilterArgs,
  clock: DateClock,
  opts: SelectOptions = {},
): Promise<AnalysisSelection> {
  const resolved = await resolveDailyFilter(db, args, clock);
  let filter: DailyFilter = resolved.filter;
  let described = describeFilter(filter);
  const named = namedWells(filter);
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
    resolved: filter,
    filter: described,
    well_ids: namedWells(filter),
    dates_used: resolved.dates_used,
    wells_resolved: resolved.wells,
    notes,
  };
}
