import type { BarSpec } from "../spec.ts";

/** One well as compare_wells answers it. */
export type CompareInput = {
  well_id: string;
  metres_per_day_m_d: number | null;
  rop_m_h: number | null;
  npt_share_pct: number | null;
};

/**
 * Wells side by side: metres per day and mean ROP on one chart, NPT share on a second when any
 * well has one (a chart holds at most two units). `focus` is marked with ★ in its label.
 */
export function compareCharts(wells: readonly CompareInput[], focus: string | null): BarSpec[] {
  if (wells.length === 0) return [];
  const label = (id: string) => (id === focus ? `${id} ★` : id);
  const charts: BarSpec[] = [];
  if (wells.some((w) => w.metres_per_day_m_d !== null || w.rop_m_h !== null)) {
    charts.push({
      kind: "bar",
      title: { zh: "井对比：日进尺与钻速", en: "Wells compared: metres per day and ROP" },
      categoryLabel: { zh: "井号", en: "Well" },
      categories: wells.map((w) => label(w.well_id)),
      series: [
        {
          name: { zh: "日进尺", en: "Metres per day" },
          unit: "m/d",
          values: wells.map((w) => w.metres_per_day_m_d),
        },
        {
          name: { zh: "平均钻速", en: "Mean ROP" },
          unit: "m/h",
          values: wells.map((w) => w.rop_m_h),
        },
      ],
    });
  }
  if (wells.some((w) => w.npt_share_pct !== null && w.npt_share_pct > 0)) {
    charts.push({
      kind: "bar",
      title: { zh: "井对比：非生产时间占比", en: "Wells compared: NPT share" },
      categoryLabel: { zh: "井号", en: "Well" },
      categories: wells.map((w) => label(w.well_id)),
      series: [{
        name: { zh: "非生产时间占比", en: "NPT share" },
        unit: "%",
        values: wells.map((w) => w.npt_share_pct),
      }],
    });
  }
  return charts;
}
