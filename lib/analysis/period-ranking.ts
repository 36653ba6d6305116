import type { PeriodWell } from "./period.ts";

/** A block's wells ranked over a period, and its benchmark well. */
export interface PeriodRanking {
  /** Well ids, most metres per report day first (wells without footage last). */
  readonly fastest: string[];
  /** Well ids, most NPT hours first. */
  readonly most_npt: string[];
  /** The benchmark (标杆井): the fastest well among those reporting at least half as many days as the most-reported well. */
  readonly benchmark_well: string | null;
}

const orNeg = (v: number | null) => (v === null ? -Infinity : v);

/** Ranks the wells of a block report; see PeriodRanking for the rules. */
export function rankPeriodWells(wells: readonly PeriodWell[]): PeriodRanking {
  const fastest = [...wells].sort((a, b) =>
    orNeg(b.metres_per_day_m_d) - orNeg(a.metres_per_day_m_d) ||
    orNeg(b.rop_m_h) - orNeg(a.rop_m_h) || a.well_id.localeCompare(b.well_id)
  );
  const most = [...wells].sort((a, b) => b.npt_h - a.npt_h || a.well_id.localeCompare(b.well_id));
  const maxDays = Math.max(0, ...wells.map((w) => w.report_days));
  const benchmark = fastest.find((w) => w.report_days * 2 >= maxDays && (w.footage_m ?? 0) > 0);
  return {
    fastest: fastest.map((w) => w.well_id),
    most_npt: most.map((w) => w.well_id),
    benchmark_well: benchmark?.well_id ?? null,
  };
}
