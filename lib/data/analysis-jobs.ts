import type { Executor } from "../db.ts";
import { compareWells } from "../analysis/compare.ts";
import type { WellComparisonResult } from "../analysis/compare.ts";
import { ropByGroup } from "../analysis/rop.ts";
import type { RopGroupBy, RopResult, RopSort } from "../analysis/rop.ts";
import { fetchAnalysisRows, rowsByWell } from "./analysis-fetch.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { masterSpudDates } from "./spud-dates.ts";

/** Input of the compare job: the resolved filter and each well's NPT share (added up in SQL beforehand). */
export interface CompareJobInput {
  readonly filter: DailyFilter;
  readonly nptShare: ReadonlyMap<string, number | null>;
}

/** What the compare job returns: the comparison, how many rows it read and the wells they name. */
export interface CompareJobOutput {
  readonly result: WellComparisonResult;
  readonly rows: number;
  readonly wells: readonly string[];
}

/**
 * compare_wells' heavy half: reads the filter's rows, fills a missing spud date from the well
 * master, and compares the wells (lib/analysis/compare.ts). Run where the rows are (see runJob).
 */
export async function compareJob(db: Executor, input: CompareJobInput): Promise<CompareJobOutput> {
  const rows = await fetchAnalysisRows(db, input.filter, [
    "spud_date", "depth_m", "footage_m", "rop_m_h", "drilling_hours_h", "on_bottom_hours_cum_h", "wob_kn", "bit_diameter_mm", "rpm", "torque_kn_m",
  ]);
  const byWell = rowsByWell(rows);
  const spuds = await masterSpudDates(db, [...byWell.keys()]);
  for (const [id, list] of byWell) {
    if (spuds.has(id) && !list.some((r) => r.spud_date)) byWell.set(id, list.map((r) => ({ ...r, spud_date: spuds.get(id) })));
  }
  return { result: compareWells(byWell, { nptShare: input.nptShare }), rows: rows.length, wells: [...byWell.keys()] };
}

/** Input of the ROP job. */
export interface RopJobInput {
  readonly filter: DailyFilter;
  readonly by: RopGroupBy;
  readonly sort: RopSort;
}

/** What the ROP job returns: the groups and how many rows they cover. */
export interface RopJobOutput {
  readonly result: RopResult;
  readonly rows: number;
}

/** analyze_rop's heavy half: reads the filter's rows and groups their ROP (lib/analysis/rop.ts). */
export async function ropJob(db: Executor, input: RopJobInput): Promise<RopJobOutput> {
  const rows = await fetchAnalysisRows(db, input.filter, ["footage_m", "rop_m_h", "drilling_hours_h", "on_bottom_hours_cum_h", "formation", "bit_type"]);
  return { result: ropByGroup(rows, input.by, { sort: input.sort }), rows: rows.length };
}

/** The jobs a database thread can run beside its rows, by name. */
export const ANALYSIS_JOBS = { compare: compareJob, rop: ropJob } as const;
