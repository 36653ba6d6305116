import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import { dayNumber, type DrillingRecord, isoDate, num, text } from "./record.ts";

/** One report on the depth-vs-days curve. */
export interface CurvePoint {
  /** Whole calendar days from the spud date to the report date (the spud date is day 0; a report before spud is negative). */
  readonly day: number;
  readonly date: string;
  readonly depth_m: number;
  /** True when this depth is below (shallower than) the previous point's: kept, but suspect. */
  readonly depth_decreased: boolean;
}

/** A point of the planned curve. */
export interface PlanPoint {
  readonly day: number;
  readonly depth_m: number;
}

/** Options of drillingCurve. */
export interface CurveOptions {
  /** `YYYY-MM-DD`; else the rows' earliest spud_date; else the first report date. */
  readonly spudDate?: string;
  readonly plan?: readonly PlanPoint[];
}

/** Summary of a drilling curve; every figure is null when it cannot be known. */
export interface CurveSummary {
  /** Day of the last report. */
  readonly days: number | null;
  /** Depth at the last report. */
  readonly final_depth_m: number | null;
  readonly max_depth_m: number | null;
  /** final_depth_m / days (depth counted from surface, 0 m at spud); null when days ≤ 0. */
  readonly metres_per_day_m_d: number | null;
  readonly depth_decreases: number;
  /** The plan's deepest depth and the first plan day reaching it. */
  readonly plan_depth_m: number | null;
  readonly plan_days: number | null;
  /** The first report day whose depth reached plan_depth_m; null if not reached yet. */
  readonly days_to_plan_depth: number | null;
  /** days_to_plan_depth − plan_days: negative means faster than plan. */
  readonly days_vs_plan: number | null;
  /** The plan depth on the last report's day (linear between plan points, held flat outside them). */
  readonly plan_depth_at_last_day_m: number | null;
  /** final_depth_m − plan_depth_at_last_day_m: positive means deeper (ahead of) plan. */
  readonly depth_vs_plan_m: number | null;
}

/** What drillingCurve returns. */
export interface CurveResult {
  readonly well_id: string | null;
  readonly spud_date: string | null;
  readonly spud_source: "given" | "record" | "first_report" | null;
  /** Reports in date order (rows without a valid date or depth are left out and counted in rows_skipped). */
  readonly points: readonly CurvePoint[];
  readonly plan: readonly PlanPoint[];
  readonly rows_skipped: number;
  readonly summary: CurveSummary;
  readonly headline: string;
}

function checkPlan(plan: readonly PlanPoint[]): PlanPoint[] {
  for (const p of plan) {
    if (!Number.isFinite(p.day) || !Number.isFinite(p.depth_m)) {
      throw new Error(
        `计划点无效 "${JSON.stringify(p)}" / plan point is invalid "${
          JSON.stringify(p)
        }": give { day, depth_m } as numbers`,
      );
    }
  }
  return [...plan].sort((a, b) => a.day - b.day);
}

/** Plan depth on `day`: linear between plan points, the first/last depth outside them. */
export function planDepthAt(plan: readonly PlanPoint[], day: number): number | null {
  if (plan.length === 0) return null;
  if (day <= plan[0].day) return plan[0].depth_m;
  for (let i = 1; i < plan.length; i++) {
    const [a, b] = [plan[i - 1], plan[i]];
    if (day <= b.day) {
      return b.day === a.day
        ? b.depth_m
        : a.depth_m + ((day - a.day) / (b.day - a.day)) * (b.depth_m - a.depth_m);
    }
  }
  return plan[plan.length - 1].depth_m;
}

/**
 * The depth-vs-days curve of one well: points by report date, days counted from spud,
 * a shallower depth than the previous report kept but flagged, the plan beside it,
 * and a summary (days, final depth, metres per day, days to plan depth vs plan).
 * Throws when the rows name more than one well or spudDate is not `YYYY-MM-DD`.
 */
export function drillingCurve(
  records: readonly DrillingRecord[],
  opts: CurveOptions = {},
): CurveResult {
  const wells = [...new Set(records.map((r) => text(r.well_id)).filter((w) => w !== null))];
  if (wells.length > 1) {
    const names = wells.slice(0, 5).map((w) => `"${w}"`).join(", ");
    throw new Error(
      `钻井曲线只接受单井数据，收到 ${wells.length} 口井 ${names} / drillingCurve takes one well's rows, got ${wells.length} wells ${names}: group the rows by well_id first`,
    );
  }
  const plan = checkPlan(opts.plan ?? []);
  const dated = records
    .map((r) => ({ day: dayNumber(r.report_date), depth: num(r.depth_m) }))
    .filter((p): p is { day: number; depth: number } => p.day !== null && p.depth !== null)
    .sort((a, b) => a.day - b.day);
  let spud: number | null = null;
  let source: CurveResult["spud_source"] = null;
  if (opts.spudDate !== undefined) {
    spud = dayNumber(opts.spudDate);
    if (spud === null) {
      throw new Error(
        `无法识别开钻日期 "${opts.spudDate}" / cannot read spud date "${opts.spudDate}": use YYYY-MM-DD`,
      );
    }
    source = "given";
  } else {
    const recorded = records.map((r) => dayNumber(r.spud_date)).filter((d) => d !== null);
    if (recorded.length > 0) [spud, source] = [recorded.reduce((a, b) => Math.min(a, b)), "record"];
    else if (dated.length > 0) [spud, source] = [dated[0].day, "first_report"];
  }
  const points = dated.map((p, i): CurvePoint => ({
    day: p.day - spud!,
    date: isoDate(p.day),
    depth_m: p.depth,
    depth_decreased: i > 0 && p.depth < dated[i - 1].depth,
  }));
  const last = points.at(-1);
  const planDepth = plan.length ? plan.reduce((m, p) => Math.max(m, p.depth_m), -Infinity) : null;
  const planDays = planDepth === null ? null : plan.find((p) => p.depth_m >= planDepth)!.day;
  const reached = planDepth === null ? undefined : points.find((p) => p.depth_m >= planDepth);
  const planAtLast = last ? planDepthAt(plan, last.day) : null;
  const summary: CurveSummary = {
    days: last?.day ?? null,
    final_depth_m: last?.depth_m ?? null,
    max_depth_m: points.length ? points.reduce((m, p) => Math.max(m, p.depth_m), -Infinity) : null,
    metres_per_day_m_d: last && last.day > 0 ? last.depth_m / last.day : null,
    depth_decreases: points.filter((p) => p.depth_decreased).length,
    plan_depth_m: planDepth,
    plan_days: planDays,
    days_to_plan_depth: reached?.day ?? null,
    days_vs_plan: reached && planDays !== null ? reached.day - planDays : null,
    plan_depth_at_last_day_m: planAtLast,
    depth_vs_plan_m: last && planAtLast !== null ? last.depth_m - planAtLast : null,
  };
  const result = {
    well_id: wells[0] ?? null,
    spud_date: spud === null ? null : isoDate(spud),
    spud_source: source,
    points,
    plan,
    rows_skipped: records.length - dated.length,
    summary,
  };
  return { ...result, headline: curveHeadline(result, records.length) };
}

function curveHeadline(r: Omit<CurveResult, "headline">, rowCount: number): string {
  if (r.points.length === 0) {
    return rowCount === 0 ? noRowsHeadline("钻井曲线", "drilling curve") : bilingual(
      `${rowCount} 行均无有效日期和井深`,
      `none of ${rows(rowCount)} has a valid date and depth`,
    );
  }
  const s = r.summary;
  const zh = [
    `${r.well_id ? `${r.well_id}：` : ""}钻井 ${s.days} 天，井深 ${
      fmt(s.final_depth_m)
    } m，日进尺 ${fmt(s.metres_per_day_m_d)} m/d`,
  ];
  const en = [
    `${r.well_id ? `${r.well_id}: ` : ""}${rows(s.days!, "day")}, depth ${
      fmt(s.final_depth_m)
    } m, ${fmt(s.metres_per_day_m_d)} m/d`,
  ];
  if (s.days_vs_plan !== null) {
    const n = Number(fmt(Math.abs(s.days_vs_plan))); // plan days may be fractional (36.7 d)
    zh.push(
      s.days_vs_plan === 0
        ? "与计划同期达到计划井深"
        : `比计划${s.days_vs_plan < 0 ? "快" : "慢"} ${n} 天达到计划井深`,
    );
    en.push(
      s.days_vs_plan === 0
        ? "reached plan depth on plan"
        : `reached plan depth ${rows(n, "day")} ${s.days_vs_plan < 0 ? "ahead of" : "behind"} plan`,
    );
  } else if (s.depth_vs_plan_m !== null) {
    const d = fmt(Math.abs(s.depth_vs_plan_m));
    zh.push(`比计划同期${s.depth_vs_plan_m >= 0 ? "深" : "浅"} ${d} m`);
    en.push(`${d} m ${s.depth_vs_plan_m >= 0 ? "ahead of" : "behind"} plan`);
  }
  if (s.depth_decreases > 0) {
    zh.push(`${s.depth_decreases} 处井深回退已标出`);
    en.push(
      `${s.depth_decreases} depth ${s.depth_decreases === 1 ? "decrease" : "decreases"} flagged`,
    );
  }
  return bilingual(zh.join("；"), en.join("; "));
}
