import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import { mseOfRecord } from "./mse-records.ts";
import { type DrillingRecord, num } from "./record.ts";
import { mean, median } from "./stats.ts";

/** Mean MSE of one depth interval [top_m, bottom_m). */
export interface MseInterval {
  readonly top_m: number;
  readonly bottom_m: number;
  readonly rows: number;
  readonly rows_with_mse: number;
  /** Arithmetic mean of the daily MSE values (each row counts once); null when no row had one. */
  readonly mean_mse_mpa: number | null;
  readonly median_mse_mpa: number | null;
}

/** What mseByInterval returns. */
export interface MseIntervalResult {
  readonly interval_m: number;
  /** Intervals holding at least one row; shallowest first, or highest mean MSE first with sort "highest". */
  readonly intervals: readonly MseInterval[];
  readonly rows: number;
  readonly rows_with_mse: number;
  /** Rows with a depth but no MSE (an input missing, ROP 0 …). */
  readonly rows_without_mse: number;
  /** Rows without depth_m: in no interval. */
  readonly rows_without_depth: number;
  /** How many rows lacked each MSE input (wob_kn, bit_diameter_mm, rpm, torque_kn_m, rop_m_h). */
  readonly missing_inputs: Readonly<Record<string, number>>;
  readonly headline: string;
}

/**
 * Mean MSE (mseSI, MPa) per depth interval of `intervalM` metres: interval k holds
 * [k·intervalM, (k+1)·intervalM). A row is placed by the middle of the section it
 * drilled, depth_m − footage_m/2 (depth_m alone when footage is missing or exceeds it).
 * Throws when intervalM is not a positive number.
 */
export function mseByInterval(
  records: readonly DrillingRecord[],
  intervalM: number,
  opts: { readonly sort?: "depth" | "highest" } = {},
): MseIntervalResult {
  if (!(Number.isFinite(intervalM) && intervalM > 0)) {
    throw new Error(
      `深度区间无效 "${intervalM}" / depth interval is invalid "${intervalM}": use a length in metres above 0, e.g. 100`,
    );
  }
  const bins = new Map<number, { rows: number; mse: number[] }>();
  const missing: Record<string, number> = {};
  let withMse = 0, noDepth = 0;
  for (const r of records) {
    const m = mseOfRecord(r);
    for (const k of m.missing) missing[k] = (missing[k] ?? 0) + 1;
    const depth = num(r.depth_m);
    if (depth === null) {
      noDepth++;
      continue;
    }
    const footage = num(r.footage_m);
    const at = footage !== null && footage >= 0 && footage <= depth ? depth - footage / 2 : depth;
    const k = Math.floor(at / intervalM);
    const bin = bins.get(k) ?? { rows: 0, mse: [] };
    bins.set(k, bin);
    bin.rows++;
    if (m.mse_mpa !== null) {
      bin.mse.push(m.mse_mpa);
      withMse++;
    }
  }
  const intervals = [...bins].sort((a, b) => a[0] - b[0]).map(([k, b]): MseInterval => ({
    top_m: k * intervalM,
    bottom_m: (k + 1) * intervalM,
    rows: b.rows,
    rows_with_mse: b.mse.length,
    mean_mse_mpa: mean(b.mse),
    median_mse_mpa: median(b.mse),
  }));
  if (opts.sort === "highest") {
    intervals.sort((a, b) =>
      (b.mean_mse_mpa ?? -Infinity) - (a.mean_mse_mpa ?? -Infinity) || a.top_m - b.top_m
    );
  }
  const result = {
    interval_m: intervalM,
    intervals,
    rows: records.length,
    rows_with_mse: withMse,
    rows_without_mse: records.length - noDepth - withMse,
    rows_without_depth: noDepth,
    missing_inputs: missing,
  };
  return { ...result, headline: mseHeadline(result) };
}

function mseHeadline(r: Omit<MseIntervalResult, "headline">): string {
  if (r.rows === 0) return noRowsHeadline("机械比能分析", "MSE analysis");
  const lacks = Object.entries(r.missing_inputs).sort((a, b) => b[1] - a[1]);
  const lackZh = lacks.map(([k, n]) => `${k} ${n} 行`).join("、");
  const lackEn = lacks.map(([k, n]) => `${k} in ${n}`).join(", ");
  if (r.rows_with_mse === 0) {
    return bilingual(
      `${r.rows} 行均无法计算机械比能${lacks.length ? `：缺少 ${lackZh}` : ""}`,
      `MSE could not be computed for any of ${rows(r.rows)}${
        lacks.length ? `: missing ${lackEn}` : ""
      }`,
    );
  }
  const top =
    r.intervals.filter((i) => i.mean_mse_mpa !== null).sort((a, b) =>
      b.mean_mse_mpa! - a.mean_mse_mpa!
    )[0];
  const span = `${fmt(top.top_m)}–${fmt(top.bottom_m)} m`;
  const left = r.rows - r.rows_with_mse;
  const skipZh = left > 0 ? `；${left} 行未计入${lacks.length ? `（缺少 ${lackZh}）` : ""}` : "";
  const skipEn = left > 0
    ? `; ${rows(left)} left out${lacks.length ? ` (missing ${lackEn})` : ""}`
    : "";
  return bilingual(
    `机械比能最高 ${span}：平均 ${
      fmt(top.mean_mse_mpa)
    } MPa（${r.intervals.length} 个区间，${r.rows_with_mse} 行）${skipZh}`,
    `highest MSE at ${span}: mean ${fmt(top.mean_mse_mpa)} MPa (${
      rows(r.intervals.length, "interval")
    }, ${rows(r.rows_with_mse)})${skipEn}`,
  );
}
