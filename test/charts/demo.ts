// Demo-like chart specs for the browser tests: what the users' data would produce.
import type { BarSpec, DepthCurveSpec, DepthSeries } from "../../lib/charts/spec.ts";

// A depth-by-day path from runs of [days, metres drilled each of those days]: 0 m on days lost
// (casing, NPT).
function path(runs: Array<[number, number]>): Array<[number, number]> {
  let depth = 0;
  const daily = runs.flatMap(([days, metres]) => Array.from({ length: days }, () => metres));
  return [[0, 0], ...daily.map((m, i): [number, number] => [i + 1, depth += m])];
}

/** A well's plan as given, and its actual curve from runs of daily metres (see path). */
function planAndActual(
  well: string,
  plan: Array<[number, number]>,
  actualRuns: Array<[number, number]>,
): DepthSeries[] {
  return [{ well, kind: "plan", points: plan }, { well, kind: "actual", points: path(actualRuns) }];
}

/** Plan and actual for two wells over ~60 days to ~3500 m. */
export function depthDemo(): DepthCurveSpec {
  return {
    kind: "depth_curve",
    title: { zh: "钻井进度曲线", en: "Depth vs days" },
    series: [
      ...planAndActual(
        "乐探1",
        [[0, 0], [6, 500], [9, 500], [30, 2400], [34, 2400], [58, 3500]],
        [[5, 110], [4, 0], [12, 95], [5, 0], [14, 70], [3, 0], [17, 50]],
      ),
      ...planAndActual(
        "石南201",
        [[0, 0], [5, 450], [8, 450], [28, 2200], [31, 2200], [52, 3300]],
        [[4, 120], [3, 0], [18, 90], [6, 0], [16, 60]],
      ),
    ],
  };
}

/** Average ROP and footage by formation (two units on one chart). */
export function ropDemo(): BarSpec {
  return {
    kind: "bar",
    title: { zh: "各层位机械钻速与进尺", en: "ROP and footage by formation" },
    categoryLabel: { zh: "层位", en: "Formation" },
    categories: ["平原组", "明化镇组", "馆陶组", "东营组", "沙一段", "沙二段", "沙三段"],
    series: [
      {
        name: { zh: "平均钻速", en: "Avg ROP" },
        unit: "m/h",
        values: [35.2, 27.8, 21.5, 14.9, 11.3, 8.6, 6.4],
      },
      {
        name: { zh: "进尺", en: "Footage" },
        unit: "m",
        values: [420, 780, 510, 640, 380, 450, 320],
      },
    ],
  };
}

/** NPT hours by cause, horizontal. */
export function nptDemo(): BarSpec {
  return {
    kind: "bar",
    title: { zh: "非生产时间（按原因）", en: "NPT hours by cause" },
    orientation: "horizontal",
    categories: [
      { zh: "卡钻", en: "Stuck pipe" },
      { zh: "井漏", en: "Lost circulation" },
      { zh: "等停", en: "Waiting" },
      { zh: "修理", en: "Rig repair" },
      { zh: "溢流", en: "Kick" },
      { zh: "其他", en: "Other" },
    ],
    series: [{
      name: { zh: "非生产时间", en: "NPT" },
      unit: "h",
      values: [46, 31, 27.5, 18, 12, 6],
    }],
  };
}

/** Four wells compared on drilling days and average ROP. */
export function wellsDemo(): BarSpec {
  return {
    kind: "bar",
    title: { zh: "四口井对比", en: "Comparison of 4 wells" },
    orientation: "vertical",
    categoryLabel: { zh: "井号", en: "Well" },
    categories: ["乐探1", "石南201", "中102", "石南31"],
    series: [
      { name: { zh: "钻井周期", en: "Drilling days" }, unit: "d", values: [58, 47, 63, 41] },
      { name: { zh: "平均机速", en: "Avg ROP" }, unit: "m/h", values: [12.4, 14.1, 9.8, 16.2] },
    ],
  };
}

/** Twelve wells, no orientation given: long enough to need horizontal bars. */
export function manyWellsDemo(): BarSpec {
  const base = wellsDemo();
  const wells = Array.from({ length: 12 }, (_v, i) => `石南${201 + i}`);
  return {
    ...base,
    title: { zh: "十二口井对比", en: "Comparison of 12 wells" },
    orientation: undefined,
    categories: wells,
    series: base.series.map((s) => ({
      ...s,
      values: wells.map((_w, i) => Math.round((s.values[i % 4] ?? 0) * (0.8 + (i % 5) / 10))),
    })),
  };
}

/** Vertical bars forced with long bilingual formation names: labels must rotate. */
export function rotatedDemo(): BarSpec {
  return {
    ...ropDemo(),
    orientation: "vertical",
    categories: [
      "平原组 Pingyuan",
      "明化镇组 Minghuazhen",
      "馆陶组 Guantao",
      "东营组 Dongying",
      "沙一段 Es1",
      "沙二段 Es2",
      "沙三段 Es3",
    ],
  };
}

/** Four wells ending at similar depths: their final-depth labels compete for space. */
export function fourWellsDepthDemo(): DepthCurveSpec {
  const spec = depthDemo();
  spec.series.push(
    {
      well: "中102",
      kind: "actual",
      points: [[0, 0], [10, 900], [20, 1800], [35, 2500], [40, 2900]],
    },
    { well: "石南31", kind: "actual", points: [[0, 0], [8, 1000], [25, 2300], [41, 3100]] },
  );
  return spec;
}
