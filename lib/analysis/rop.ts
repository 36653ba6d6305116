import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import { dailyOnBottomHours } from "./hours.ts";
import { type DrillingRecord, num, text } from "./record.ts";
import { quantile, sum, weightedMean } from "./stats.ts";

/** The column ROP is grouped by. */
export type RopGroupBy = "formation" | "bit_type" | "well_id";
/** Group order: slowest/fastest by footage-weighted ROP (groups without one last), most metres, most rows, or name. */
export type RopSort = "slowest" | "fastest" | "metres" | "rows" | "name";

/** ROP figures of a set of rows. */
export interface RopStats {
  readonly rows: number;
  /** Rows with an ROP > 0. */
  readonly rows_with_rop: number;
  /** Rows whose ROP is missing, not a number or ≤ 0 (a day without drilling); left out of every ROP figure. */
  readonly rows_without_rop: number;
  /** Σ footage_m over rows with a footage ≥ 0 (a negative footage counts as missing); null when none has one. */
  readonly metres_drilled_m: number | null;
  /** Σ on-bottom hours over rows that have them (see dailyOnBottomHours); null when none has. */
  readonly on_bottom_hours_h: number | null;
  /**
   * Footage-weighted mean ROP: Σ(ropᵢ·footageᵢ) / Σ footageᵢ over rows having both an
   * ROP > 0 and a footage ≥ 0, so a day that drilled 300 m counts 300 times as much as
   * a day that drilled 1 m. Null when those rows drilled 0 m in total.
   */
  readonly rop_footage_weighted_m_h: number | null;
  /**
   * Time-based mean ROP: Σ footageᵢ / Σ hoursᵢ over rows having both a footage ≥ 0 and
   * on-bottom hours > 0 (ROP column not used). It is the true average speed and is never
   * above the footage-weighted mean of the same days. Null when no row has hours.
   */
  readonly rop_time_based_m_h: number | null;
  /** Median, 10th and 90th percentile of the daily ROP values (numpy linear quantile; P10 is the slow end). */
  readonly rop_median_m_h: number | null;
  readonly rop_p10_m_h: number | null;
  readonly rop_p90_m_h: number | null;
}

/** ROP figures of one group; `group` is null for rows where the grouping column is empty. */
export interface RopGroup extends RopStats {
  readonly group: string | null;
}

/** What ropByGroup returns. */
export interface RopResult {
  readonly by: RopGroupBy;
  readonly groups: readonly RopGroup[];
  /** The same figures over all rows. */
  readonly total: RopStats;
  readonly headline: string;
}

const BY_LABEL: Record<RopGroupBy, readonly [string, string]> = {
  formation: ["地层", "formation"],
  bit_type: ["钻头类型", "bit type"],
  well_id: ["井号", "well"],
};

function ropStats(records: readonly DrillingRecord[], hours: readonly (number | null)[]): RopStats {
  const rop = records.map((r) => {
    const v = num(r.rop_m_h);
    return v !== null && v > 0 ? v : null;
  });
  const footage = records.map((r) => {
    const v = num(r.footage_m);
    return v !== null && v >= 0 ? v : null;
  });
  const timed = records.map((_, i) => footage[i] !== null && (hours[i] ?? 0) > 0);
  const timedHours = sum(hours.filter((_, i) => timed[i]));
  const withRop = rop.filter((v) => v !== null).length;
  return {
    rows: records.length,
    rows_with_rop: withRop,
    rows_without_rop: records.length - withRop,
    metres_drilled_m: sum(footage),
    on_bottom_hours_h: sum(hours),
    rop_footage_weighted_m_h: weightedMean(rop, footage),
    rop_time_based_m_h: timedHours ? sum(footage.filter((_, i) => timed[i]))! / timedHours : null,
    rop_median_m_h: quantile(rop, 0.5),
    rop_p10_m_h: quantile(rop, 0.1),
    rop_p90_m_h: quantile(rop, 0.9),
  };
}

function compareGroups(sort: RopSort): (a: RopGroup, b: RopGroup) => number {
  const byName = (a: RopGroup, b: RopGroup) =>
    (a.group ?? "\uffff").localeCompare(b.group ?? "\uffff");
  const nullsLast = (x: number | null, y: number | null, sign: number) =>
    x === null ? (y === null ? 0 : 1) : y === null ? -1 : sign * (x - y);
  switch (sort) {
    case "slowest":
      return (a, b) =>
        nullsLast(a.rop_footage_weighted_m_h, b.rop_footage_weighted_m_h, 1) || byName(a, b);
    case "fastest":
      return (a, b) =>
        nullsLast(a.rop_footage_weighted_m_h, b.rop_footage_weighted_m_h, -1) || byName(a, b);
    case "metres":
      return (a, b) => nullsLast(a.metres_drilled_m, b.metres_drilled_m, -1) || byName(a, b);
    case "rows":
      return (a, b) => b.rows - a.rows || byName(a, b);
    case "name":
      return byName;
  }
}

/**
 * ROP per formation, bit type or well: row counts, metres drilled, on-bottom hours,
 * footage-weighted and time-based mean ROP, median, P10 and P90 (see RopStats for the
 * exact definitions). Groups come slowest first unless `opts.sort` says otherwise.
 */
export function ropByGroup(
  records: readonly DrillingRecord[],
  by: RopGroupBy,
  opts: { readonly sort?: RopSort } = {},
): RopResult {
  const hours = dailyOnBottomHours(records);
  const members = new Map<string | null, number[]>();
  records.forEach((r, i) => {
    const key = text(r[by]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  const groups = [...members].map(([group, idx]): RopGroup => ({
    group,
    ...ropStats(idx.map((i) => records[i]), idx.map((i) => hours[i])),
  }));
  return ropResult(by, groups, ropStats(records, hours), opts.sort);
}

/**
 * The RopResult of groups' figures already computed (ropByGroup's, or SQL's in
 * lib/data/analysis-rop-sql.ts): `groups` in the order their first row was met, sorted here
 * as `sort` says (ties keep that order), and the headline.
 */
export function ropResult(
  by: RopGroupBy,
  groups: readonly RopGroup[],
  total: RopStats,
  sort: RopSort = "slowest",
): RopResult {
  const sorted = [...groups].sort(compareGroups(sort));
  return { by, groups: sorted, total, headline: ropHeadline(by, sorted, total) };
}

function ropHeadline(by: RopGroupBy, groups: readonly RopGroup[], total: RopStats): string {
  if (total.rows === 0) return noRowsHeadline("钻速分析", "ROP analysis");
  const [byZh, byEn] = BY_LABEL[by];
  const lacking = total.rows_without_rop;
  const tailZh = lacking > 0 ? `；${lacking} 行缺少钻速` : "";
  const tailEn = lacking > 0 ? `; ${rows(lacking)} lacked ROP` : "";
  const ranked = groups.filter((g) => g.rop_footage_weighted_m_h !== null)
    .sort((a, b) => a.rop_footage_weighted_m_h! - b.rop_footage_weighted_m_h!);
  if (ranked.length === 0) {
    return bilingual(
      `${total.rows} 行均无可用钻速或进尺${tailZh}`,
      `none of ${rows(total.rows)} has a usable ROP with footage${tailEn}`,
    );
  }
  const name = (g: RopGroup, zh: boolean) => g.group ?? (zh ? "未记录" : "not recorded");
  const speed = (g: RopGroup) => `${fmt(g.rop_footage_weighted_m_h)} m/h`;
  const slow = ranked[0];
  const fast = ranked[ranked.length - 1];
  if (ranked.length === 1) {
    return bilingual(
      `${byZh} ${name(slow, true)}：钻速 ${speed(slow)}（进尺加权）${tailZh}`,
      `${byEn} ${name(slow, false)}: ROP ${speed(slow)} (footage-weighted)${tailEn}`,
    );
  }
  return bilingual(
    `按${byZh}：最慢 ${name(slow, true)} ${speed(slow)}，最快 ${name(fast, true)} ${
      speed(fast)
    }（进尺加权）${tailZh}`,
    `by ${byEn}: slowest ${name(slow, false)} ${speed(slow)}, fastest ${name(fast, false)} ${
      speed(fast)
    } (footage-weighted)${tailEn}`,
  );
}
