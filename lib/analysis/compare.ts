import { drillingCurve } from "./curve.ts";
import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import { mseOfRecord } from "./mse-records.ts";
import { nptBreakdown, type NptClassifier } from "./npt.ts";
import type { DrillingRecord } from "./record.ts";
import { ropByGroup } from "./rop.ts";
import { mean } from "./stats.ts";

/** The columns compareWells ranks, and which way is better. */
export const COMPARE_COLUMNS = {
  metres_per_day_m_d: "highest",
  rop_m_h: "highest",
  npt_share_pct: "lowest",
  mean_mse_mpa: "lowest",
} as const;
/** A ranked column of compareWells. */
export type CompareColumn = keyof typeof COMPARE_COLUMNS;

/** One well's figures; each null when the rows cannot give it. */
export interface WellComparison {
  readonly well_id: string;
  readonly rows: number;
  /** From drillingCurve: days since spud at the last report, depth then, depth / days. */
  readonly days: number | null;
  readonly final_depth_m: number | null;
  readonly metres_per_day_m_d: number | null;
  /** Footage-weighted mean ROP (see RopStats); the time-based mean beside it. */
  readonly rop_m_h: number | null;
  readonly rop_time_based_m_h: number | null;
  /** From nptBreakdown: NPT / (24 h × report days with known NPT) × 100. */
  readonly npt_share_pct: number | null;
  /** Mean of the rows' mseSI values. */
  readonly mean_mse_mpa: number | null;
  /** The columns this well is best in. */
  readonly best_in: readonly CompareColumn[];
}

/** What compareWells returns. */
export interface WellComparisonResult {
  /** Wells, highest metres per day first (wells without one last, then by name). */
  readonly wells: readonly WellComparison[];
  /** Per column, the best well(s) (ties all listed); empty when fewer than two wells have a value. */
  readonly best: Readonly<Record<CompareColumn, readonly string[]>>;
  readonly headline: string;
}

/** Options of compareWells. */
export interface CompareOptions {
  /** Passed to nptBreakdown for each well's NPT share. */
  readonly classify?: NptClassifier;
  /** Each well's NPT share as nptBreakdown gives it, computed elsewhere (in SQL); used instead of the rows' NPT. */
  readonly nptShare?: ReadonlyMap<string, number | null>;
}

function wellFigures(
  well_id: string,
  records: readonly DrillingRecord[],
  opts: CompareOptions,
): WellFigures {
  // The map key names the well; the rows' own well_id spellings may differ.
  const own = records.map((r) => ({ ...r, well_id }));
  const curve = drillingCurve(own).summary;
  const rop = ropByGroup(own, "well_id").total;
  const mse = own.map((r) => mseOfRecord(r).mse_mpa);
  return {
    well_id,
    rows: records.length,
    days: curve.days,
    final_depth_m: curve.final_depth_m,
    metres_per_day_m_d: curve.metres_per_day_m_d,
    rop_m_h: rop.rop_footage_weighted_m_h,
    rop_time_based_m_h: rop.rop_time_based_m_h,
    npt_share_pct: opts.nptShare
      ? opts.nptShare.get(well_id) ?? null
      : nptBreakdown(own, { classify: opts.classify }).npt_share_pct,
    mean_mse_mpa: mean(mse),
  };
}

function bestOf(wells: readonly WellFigures[], column: CompareColumn): string[] {
  const valued = wells.filter((w) => w[column] !== null);
  if (valued.length < 2) return [];
  const sign = COMPARE_COLUMNS[column] === "highest" ? 1 : -1;
  const top = Math.max(...valued.map((w) => sign * w[column]!));
  return valued.filter((w) =>
    Math.abs(sign * w[column]! - top) <= 1e-9 * Math.max(1, Math.abs(top))
  ).map((w) => w.well_id);
}

/**
 * Wells side by side: days, final depth, metres per day, average ROP, NPT share and
 * mean MSE, with the best well of each ranked column marked (highest metres/day,
 * highest ROP, lowest NPT share, lowest MSE). See CompareOptions for where the NPT share comes from.
 * Each map entry's rows count as that well's, whatever well_id they carry.
 */
export function compareWells(
  byWell: ReadonlyMap<string, readonly DrillingRecord[]>,
  opts: CompareOptions = {},
): WellComparisonResult {
  return compareFigures([...byWell].map(([id, records]) => wellFigures(id, records, opts)));
}

/** One well's figures before the best marks: what compareWells computes from rows, or SQL (lib/data/analysis-compare-sql.ts). */
export type WellFigures = Omit<WellComparison, "best_in">;

/**
 * The WellComparisonResult of wells' figures already computed, wells in the order of their
 * ids (as compareWells' map): the best of each column marked, sorted, and the headline.
 */
export function compareFigures(figures: readonly WellFigures[]): WellComparisonResult {
  const best = Object.fromEntries(
    (Object.keys(COMPARE_COLUMNS) as CompareColumn[]).map((c) => [c, bestOf(figures, c)]),
  ) as Record<CompareColumn, string[]>;
  const wells = figures
    .map((f): WellComparison => ({
      ...f,
      best_in: (Object.keys(best) as CompareColumn[]).filter((c) => best[c].includes(f.well_id)),
    }))
    .sort((a, b) =>
      (b.metres_per_day_m_d ?? -Infinity) - (a.metres_per_day_m_d ?? -Infinity) ||
      a.well_id.localeCompare(b.well_id)
    );
  return { wells, best, headline: compareHeadline(wells, best) };
}

function compareHeadline(
  wells: readonly WellComparison[],
  best: Record<CompareColumn, readonly string[]>,
): string {
  if (wells.every((w) => w.rows === 0)) return noRowsHeadline("井对比", "well comparison");
  const find = (id: string) => wells.find((w) => w.well_id === id)!;
  const lead = find(best.metres_per_day_m_d[0] ?? wells[0].well_id);
  const npt = lead.npt_share_pct === null ? "" : `，非生产时间 ${fmt(lead.npt_share_pct)}%`;
  const nptEn = lead.npt_share_pct === null ? "" : `, NPT ${fmt(lead.npt_share_pct)}%`;
  const fastest = best.metres_per_day_m_d.length > 0;
  const zh = [
    `${lead.well_id}：日进尺 ${fmt(lead.metres_per_day_m_d)} m/d${npt}（${wells.length} 口井${
      fastest ? "中日进尺最高" : ""
    }）`,
  ];
  const en = [
    `${lead.well_id}: ${fmt(lead.metres_per_day_m_d)} m/d${nptEn} (${
      fastest ? "highest m/d of " : ""
    }${rows(wells.length, "well")})`,
  ];
  const others: [CompareColumn, string, string, string][] = [
    ["rop_m_h", "钻速最高", "highest ROP", "m/h"],
    ["npt_share_pct", "非生产时间最低", "lowest NPT", "%"],
    ["mean_mse_mpa", "机械比能最低", "lowest MSE", "MPa"],
  ];
  for (const [column, labelZh, labelEn, unit] of others) {
    const id = best[column][0];
    if (id === undefined) continue;
    const value = `${fmt(find(id)[column])}${unit === "%" ? "%" : ` ${unit}`}`;
    const n = best[column].length;
    zh.push(`${labelZh} ${id}${n > 1 ? ` 等 ${n} 口井` : ""} ${value}`);
    en.push(`${labelEn} ${id}${n > 1 ? ` and ${n - 1} more` : ""} ${value}`);
  }
  return bilingual(zh.join("；"), en.join("; "));
}
