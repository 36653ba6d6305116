import type { PeriodReport } from "../../analysis/period-report.ts";
import type { BarSpec } from "../spec.ts";
import { nptCategoryChart } from "./npt.ts";

/** Footage and NPT per report day of a well report. */
function dailyChart(r: PeriodReport): BarSpec | null {
  if (r.days.length === 0) return null;
  return {
    kind: "bar",
    title: {
      zh: `${r.subject.name} 每日进尺与非生产时间`,
      en: `${r.subject.name} daily footage and NPT`,
    },
    orientation: "vertical",
    categoryLabel: { zh: "日期", en: "Date" },
    categories: r.days.map((d) => d.date.slice(5)),
    series: [
      { name: { zh: "进尺", en: "Footage" }, unit: "m", values: r.days.map((d) => d.footage_m) },
      { name: { zh: "非生产时间", en: "NPT" }, unit: "h", values: r.days.map((d) => d.npt_h) },
    ],
  };
}

/** Wells of a block report, fastest first, benchmark marked ★: metres per day and ROP. */
function rankingChart(r: PeriodReport): BarSpec | null {
  if (!r.ranking || r.wells.length === 0) return null;
  const bench = r.ranking.benchmark_well;
  return {
    kind: "bar",
    title: {
      zh: `${r.subject.name}区块井排名（★ 标杆井）`,
      en: `Block ${r.subject.name} wells ranked (★ benchmark)`,
    },
    categoryLabel: { zh: "井号", en: "Well" },
    categories: r.wells.map((w) => (w.well_id === bench ? `${w.well_id} ★` : w.well_id)),
    series: [
      {
        name: { zh: "日进尺", en: "Metres per day" },
        unit: "m/d",
        values: r.wells.map((w) => w.metres_per_day_m_d),
      },
      {
        name: { zh: "平均钻速", en: "Mean ROP" },
        unit: "m/h",
        values: r.wells.map((w) => w.rop_m_h),
      },
    ],
  };
}

/** The charts of a period report (numbers rounded as in its structured result): daily or ranking, then NPT by category. */
export function periodCharts(r: PeriodReport): BarSpec[] {
  const npt = nptCategoryChart(r.npt_categories, {
    zh: `${r.subject.name} 非生产时间（按类别）`,
    en: `${r.subject.name} NPT by category`,
  });
  return [r.subject.scope === "well" ? dailyChart(r) : rankingChart(r), npt].filter((
    c,
  ): c is BarSpec => c !== null);
}
