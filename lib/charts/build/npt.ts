import type { BarSpec } from "../spec.ts";

/** One NPT category as analyze_npt and get_period_report answer it. */
export type NptCategoryInput = { zh: string; en: string; npt_h: number };

/** NPT hours by category (most first), horizontal; null when there was no NPT. */
export function nptCategoryChart(
  categories: readonly NptCategoryInput[],
  title = { zh: "非生产时间（按类别）", en: "NPT by category" },
): BarSpec | null {
  const shown = categories.filter((c) => c.npt_h > 0);
  if (shown.length === 0) return null;
  return {
    kind: "bar",
    title,
    orientation: "horizontal",
    categoryLabel: { zh: "类别", en: "Category" },
    categories: shown.map((c) => ({ zh: c.zh, en: c.en })),
    series: [{
      name: { zh: "非生产时间", en: "NPT" },
      unit: "h",
      values: shown.map((c) => c.npt_h),
    }],
  };
}

/** Most wells the by-well NPT chart shows (the answer's table lists more). */
export const NPT_CHART_WELLS = 15;

/** NPT hours and share per well, the NPT_CHART_WELLS with most NPT; null for fewer than two wells or no NPT. */
export function nptWellChart(
  all: ReadonlyArray<{ well_id: string | null; npt_h: number; npt_share_pct: number }>,
): BarSpec | null {
  if (all.length < 2 || !all.some((w) => w.npt_h > 0)) return null;
  const wells = all.slice(0, NPT_CHART_WELLS);
  const more = all.length > wells.length;
  return {
    kind: "bar",
    title: more
      ? {
        zh: `非生产时间最多的 ${wells.length} 口井`,
        en: `The ${wells.length} wells with most NPT`,
      }
      : { zh: "各井非生产时间", en: "NPT by well" },
    categoryLabel: { zh: "井号", en: "Well" },
    categories: wells.map((w) => w.well_id ?? "—"),
    series: [
      { name: { zh: "非生产时间", en: "NPT" }, unit: "h", values: wells.map((w) => w.npt_h) },
      { name: { zh: "占比", en: "Share" }, unit: "%", values: wells.map((w) => w.npt_share_pct) },
    ],
  };
}
