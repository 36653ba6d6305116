import type { Executor } from "../db/db.ts";
import { compareFigures, compareWells } from "../analysis/compare.ts";
import { nptFromTotals } from "../analysis/npt.ts";
import type { NptResult } from "../analysis/npt.ts";
import type { WellComparisonResult } from "../analysis/compare.ts";
import { ropByGroup } from "../analysis/rop.ts";
import type { RopGroupBy, RopResult, RopSort } from "../analysis/rop.ts";
import { compareSql } from "./analysis-compare-sql.ts";
import { fetchAnalysisRows, PROGRESS_COLUMNS, rowsByWell } from "./analysis-fetch.ts";
import { ropSql } from "./analysis-rop-sql.ts";
import { checkRowCap } from "./analysis-sql.ts";
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
 * compare_wells' heavy half: each well's NPT share added up in SQL (lib/data/npt-totals.ts), then
 * each well's figures added up in SQL too (lib/data/analysis-compare-sql.ts), or, when a selected
 * row is not plain enough for that, from the rows read into JavaScript ({@link compareRowsJob}).
 * Run where the rows are (see runJob).
 */
export async function compareJob(db: Executor, input: FilterJobInput): Promise<CompareJobOutput> {
  const npt = await compareNpt(db, input.filter);
  const fromRows = async (wellId: string) => {
    const { best_in: _best, ...one } =
      (await compareFromRows(db, { ...input.filter, well_id: undefined, well_ids: [wellId] }, npt))
        .result.wells[0];
    return one;
  };
  const fast = await compareSql(db, input.filter, npt.share, fromRows);
  if (!fast) return compareFromRows(db, input.filter, npt);
  return {
    result: compareFigures(fast.wells),
    rows: fast.rows,
    wells: fast.wells.map((w) => w.well_id),
    sources: npt.sources,
  };
}

async function compareNpt(
  db: Executor,
  filter: DailyFilter,
): Promise<{ share: Map<string, number | null>; sources: NptResult["sources"] }> {
  // From each report's NPT derived at write time, so the long main-work texts are neither read nor classified here.
  const npt = nptFromTotals(await nptTotals(db, filter));
  return {
    share: new Map(
      npt.wells.flatMap((w) => (w.well_id === null ? [] : [[w.well_id, w.npt_share_pct] as const])),
    ),
    sources: npt.sources,
  };
}

/** compareJob computed from the filter's rows read into JavaScript (lib/analysis/compare.ts): the reference the SQL matches. */
export async function compareRowsJob(
  db: Executor,
  input: FilterJobInput,
): Promise<CompareJobOutput> {
  return compareFromRows(db, input.filter, await compareNpt(db, input.filter));
}

async function compareFromRows(
  db: Executor,
  filter: DailyFilter,
  npt: { share: Map<string, number | null>; sources: NptResult["sources"] },
): Promise<CompareJobOutput> {
  const rows = await fetchAnalysisRows(db, filter, [
    ...PROGRESS_COLUMNS,
    "wob_kn",
    "bit_diameter_mm",
    "rpm",
    "torque_kn_m",
  ]);
  const byWell = rowsByWell(rows);
  const spuds = await masterSpudDates(db, [...byWell.keys()]);
  for (const [id, list] of byWell) {
    if (spuds.has(id) && !list.some((r) => r.spud_date)) {
      byWell.set(id, list.map((r) => ({ ...r, spud_date: spuds.get(id) })));
    }
  }
  return {
    result: compareWells(byWell, { nptShare: npt.share }),
    rows: rows.length,
    wells: [...byWell.keys()],
    sources: npt.sources,
  };
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

/**
 * analyze_rop's heavy half: the filter's rows grouped and added up in SQL
 * (lib/data/analysis-rop-sql.ts), or, when a selected row is not plain enough for that, read into
 * JavaScript and grouped there ({@link ropRowsJob}).
 */
export async function ropJob(db: Executor, input: RopJobInput): Promise<RopJobOutput> {
  await checkRowCap(db, input.filter);
  return (await ropSql(db, input.filter, input.by, input.sort)) ?? ropRowsJob(db, input);
}

/** ropJob computed from the filter's rows read into JavaScript (lib/analysis/rop.ts): the reference the SQL matches. */
export async function ropRowsJob(db: Executor, input: RopJobInput): Promise<RopJobOutput> {
  const rows = await fetchAnalysisRows(db, input.filter, [
    "footage_m",
    "rop_m_h",
    "drilling_hours_h",
    "on_bottom_hours_cum_h",
    "formation",
    "bit_type",
  ]);
  return { result: ropByGroup(rows, input.by, { sort: input.sort }), rows: rows.length };
}

/** analyze_npt's SQL (lib/data/npt-totals.ts), as a job so it takes its turn with the other field-wide work. */
export function nptJob(db: Executor, input: FilterJobInput): Promise<NptSqlTotals> {
  return nptTotals(db, input.filter);
}

/** The jobs a database thread can run beside its rows, by name. */
export const ANALYSIS_JOBS = { compare: compareJob, rop: ropJob, npt: nptJob } as const;
