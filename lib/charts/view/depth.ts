import uPlot from "uplot";
import type { DepthCurveSpec } from "../spec.ts";
import { bilingualLabel } from "../spec.ts";
import { ceilNice, clamp, formatNumber } from "./format.ts";
import { canvasFont, type Theme } from "./theme.ts";

// Writes the last depth of each actual curve beside its end point (the figure engineers look for),
// on a background patch, trying three places and leaving out a label that would cover another.
function labelFinalDepths(u: uPlot, spec: DepthCurveSpec, theme: Theme): void {
  const ctx = u.ctx;
  const px = devicePixelRatio;
  const h = Math.round(11 * px);
  const pad = 2 * px;
  const { left, top, width, height } = u.bbox;
  const placed: Array<[number, number, number, number]> = [];
  const free = (r: [number, number, number, number]) =>
    r[0] >= left && r[2] <= left + width && r[1] >= top && r[3] <= top + height &&
    !placed.some((o) => r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]);
  const wells = [...new Set(spec.series.map((s) => s.well))];
  ctx.save();
  ctx.font = canvasFont(theme, h, 600);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  for (const s of spec.series) {
    if (s.kind !== "actual") continue;
    const [day, depth] = s.points[s.points.length - 1];
    const text = `${formatNumber(depth)} m`;
    const w = ctx.measureText(text).width;
    const x = u.valToPos(day, "x", true);
    const y = u.valToPos(depth, "y", true);
    const gap = 6 * px;
    const spots: Array<[number, number]> = [[x - gap - w, y + gap / 2], [x + gap, y - h / 2], [
      x - gap - w,
      y - gap / 2 - h,
    ], [x - gap - w, y + gap + h]];
    const spot = spots.map((
      [sx, sy],
    ): [number, number, number, number] => [sx - pad, sy - pad, sx + w + pad, sy + h + pad]).find(
      free,
    );
    if (!spot) continue;
    placed.push(spot);
    ctx.fillStyle = theme.bg;
    ctx.fillRect(spot[0], spot[1], spot[2] - spot[0], spot[3] - spot[1]);
    ctx.fillStyle = theme.series[wells.indexOf(s.well) % theme.series.length];
    ctx.fillText(text, spot[0] + pad, spot[1] + pad);
  }
  ctx.restore();
}

/** uPlot options and aligned data for a depth curve; depth grows downward, days along the top. */
export function depthChart(
  spec: DepthCurveSpec,
  theme: Theme,
  width: number,
): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const wells = [...new Set(spec.series.map((s) => s.well))];
  const data = uPlot.join(
    spec.series.map((s) => [s.points.map((p) => p[0]), s.points.map((p) => p[1])]),
  );
  const maxDay = Math.max(...spec.series.map((s) => s.points[s.points.length - 1][0]));
  const maxDepth = Math.max(...spec.series.flatMap((s) => s.points.map((p) => p[1])));
  const axisFont = canvasFont(theme, 12);
  const labelFont = canvasFont(theme, 12, 600);
  const axis = {
    stroke: theme.axis,
    font: axisFont,
    labelFont,
    labelSize: 20,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
  };
  const series: uPlot.Series[] = [
    { label: "天数 Day", value: (_u, v) => (v == null ? "—" : `${formatNumber(v)} d`) },
    ...spec.series.map((s): uPlot.Series => {
      const color = theme.series[wells.indexOf(s.well) % theme.series.length];
      return {
        label: `${s.well} ${s.kind === "plan" ? "设计 plan" : "实际 actual"}`,
        stroke: color,
        width: s.kind === "plan" ? 1.75 : 2.5,
        dash: s.kind === "plan" ? [7, 5] : undefined,
        spanGaps: true,
        points: { show: false },
        value: (_u, v) => (v == null ? "—" : `${formatNumber(v)} m`),
      };
    }),
  ];
  const opts: uPlot.Options = {
    width,
    height: Math.round(clamp(width * 0.68, 300, 520)),
    padding: [8, 18, 8, 4],
    series,
    scales: {
      x: { time: false, range: [0, ceilNice(maxDay * 1.02, 2)] },
      y: { dir: -1, range: [0, ceilNice(maxDepth * 1.03)] },
    },
    axes: [
      {
        ...axis,
        side: 0,
        size: 30,
        label: bilingualLabel(spec.xLabel ?? { zh: "钻井天数", en: "Days since spud (d)" }),
      },
      {
        ...axis,
        side: 3,
        size: 58,
        label: bilingualLabel(spec.yLabel ?? { zh: "井深", en: "Measured depth (m)" }),
      },
    ],
    legend: {
      live: true,
      markers: { width: 3, dash: (u, i) => (u.series[i].dash ? "dashed" : "solid") },
    },
    hooks: { draw: [(u) => labelFinalDepths(u, spec, theme)] },
    cursor: { drag: { x: true, y: false } },
  };
  return { opts, data };
}
