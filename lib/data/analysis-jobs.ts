import type { Executor } from "../db.ts";
import { compareWells } from "../analysis/compare.ts";
import { nptFromTotals } from "../analysis/npt.ts";
import type { NptResult } from "../analysis/npt.ts";
import type { WellComparisonResult } from "../analysis/compare.ts";
import { ropByGroup } from "../analysis/rop.ts";
import type { RopGroupBy, RopResult, RopSort } from "../analysis/rop.ts";
import { fetchAnalysisRows, rowsByWell } from "./analysis-fetch.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { nptTotals } from "./npt-totals.ts";
import type { NptSqlTotals } from "./npt-totals.ts";
import { masterSpudDates } from "./spud-dates.ts";

/** Input of the compare and NPT jobs: the resolved filter. */
export interface FilterJobInput {
  readonly filter: DailyFilter;
}

/** What the compare job returns: the comparison, how many rows it read, the wells they name, the NPT's sources. */
export interface CompareJobOutput {
  readonly result: WellComparisonResult;
  readonly rows: number;
  readonly wells: readonly string[];
  readonly sources: NptResult["sources"];
}

/**
 * compare_wells' heavy half: each well's NPT share added up in SQL (lib/data/npt-totals.ts), the
 * filter's rows read, a missing spud date filled from the well master, and the wells compared
 * (lib/analysis/compare.ts). Run where the rows are (see runJob).
 */
export async function compareJob(db: Executor, input: FilterJobInput): Promise<CompareJobOutput> {
  // From each report's NPT derived at write time, so the long main-work texts are neither read nor classified here.
  const npt = nptFromTotals(await nptTotals(db, input.filter));
  const nptShare = new Map(npt.wells.flatMap((w) => (w.well_id === null ? [] : [[w.well_id, w.npt_share_pct] as const])));
  const rows = await fetchAnalysisRows(db, input.filter, [
    "spud_date", "depth_m", "footage_m", "rop_m_h", "drilling_hours_h", "on_bottom_hours_cum_h", "wob_kn", "bit_diameter_mm", "rpm", "torque_kn_m",
  ]);
  const byWell = rowsByWell(rows);
  const spuds = await masterSpudDates(db, [...byWell.keys()]);
  for (const [id, list] of byWell) {
    if (spuds.has(id) && !list.some((r) => r.spud_date)) byWell.set(id, list.map((r) => ({ ...r, spud_date: spuds.get(id) })));
  }
  return { result: compareWells(byWell, { nptShare }), rows: rows.length, wells: [...byWell.keys()], sources: npt.sources };
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

/** analyze_npt's SQL (lib/data/npt-totals.ts), as a job so it takes its turn with the other field-wide work. */
export function nptJob(db: Executor, input: FilterJobInput): Promise<NptSqlTotals> {
  return nptTotals(db, input.filter);
}

/** The jobs a database thread can run beside its rows, by name. */
export const ANALYSIS_JOBS = { compare: compareJob, rop: ropJob, npt: nptJob } as const;
