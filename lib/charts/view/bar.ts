import uPlot from "uplot";
import type { BarSpec } from "../spec.ts";
import { bilingual } from "../spec.ts";
import { ceilNice, clamp, formatNumber, textWidth } from "./format.ts";
import { canvasFont, type Theme } from "./theme.ts";

const GROUP = 0.78; // share of a category slot the bar group fills

function fitLabel(text: string, font: string, max: number): string {
  if (textWidth(text, font) <= max) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, font) > max) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function unitLabel(spec: BarSpec, unit: string): string {
  const named = spec.series.filter((s) => s.unit === unit).map((s) => s.name);
  if (named.length === 1) return `${bilingual(named[0])} (${unit})`;
  return `${named.map((n) => n.zh).join("/")} ${named.map((n) => n.en).join("/")} (${unit})`;
}

/** uPlot options and data for grouped bars, one value scale per unit (at most two). */
export function barChart(spec: BarSpec, theme: Theme, width: number): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const n = spec.categories.length;
  const k = spec.series.length;
  const axisFont = canvasFont(theme, 12);
  const labels = spec.categories.map((c) => bilingual(c));
  const widest = Math.max(...labels.map((l) => textWidth(l, axisFont)));
  const horizontal = spec.orientation ? spec.orientation === "horizontal" : widest > ((width - 90) / n) * 0.9 || n > 10;
  const shown = horizontal ? labels.map((l) => fitLabel(l, axisFont, width * 0.4)) : labels;
  const catSize = horizontal ? Math.min(widest, width * 0.4) + 14 : 26;
  const rotate = !horizontal && widest > ((width - 90) / n) * 0.95;
  const units = [...new Set(spec.series.map((s) => s.unit))];
  const barW = GROUP / k;
  const x0 = (j: number) => (_u: uPlot, _s: number) => spec.categories.map((_c, i) => i - GROUP / 2 + j * barW);
  const axis = { stroke: theme.axis, font: axisFont, labelFont: canvasFont(theme, 12, 600), labelSize: 20, ticks: { stroke: theme.grid, width: 1, size: 4 } };
  const valueAxes: uPlot.Axis[] = units.map((unit, ui) => ({
    ...axis,
    scale: `v${ui}`,
    side: horizontal ? (ui === 0 ? 2 : 0) : ui === 0 ? 3 : 1,
    size: horizontal ? 32 : 52,
    label: unitLabel(spec, unit),
    grid: { show: ui === 0, stroke: theme.grid, width: 1 },
  }));
  const scales: uPlot.Scales = { x: { time: false, ori: horizontal ? 1 : 0, dir: horizontal ? -1 : 1, range: [-0.5, n - 0.5] } };
  units.forEach((unit, ui) => {
    const values = spec.series.filter((s) => s.unit === unit).flatMap((s) => s.values.filter((v): v is number => v !== null));
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    scales[`v${ui}`] = { ori: horizontal ? 0 : 1, dir: 1, range: [lo < 0 ? -ceilNice(-lo * 1.12) : 0, ceilNice(Math.max(hi * 1.12, 1e-9))] };
  });
  const series: uPlot.Series[] = [
    { label: bilingual(spec.categoryLabel ?? { zh: "类别", en: "Category" }), value: (_u, v) => (v == null ? "—" : labels[v] ?? "—") },
    ...spec.series.map((s, j): uPlot.Series => ({
      label: `${bilingual(s.name)} (${s.unit})`,
      scale: `v${units.indexOf(s.unit)}`,
      fill: theme.series[j % theme.series.length],
      stroke: theme.series[j % theme.series.length],
      width: 0,
      points: { show: false },
      paths: uPlot.paths.bars!({ disp: { x0: { unit: 1, values: x0(j) }, size: { unit: 1, values: () => [barW * 0.9] } } }),
      value: (_u, v) => (v == null ? "—" : `${formatNumber(v)} ${s.unit}`),
    })),
  ];
  const rowPx = Math.max(24, k * 13 + 10);
  const height = horizontal ? n * rowPx + 64 : Math.round(clamp(width * 0.6, 280, 420)) + (rotate ? widest * 0.6 : 0);
  const drawValues = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.font = canvasFont(theme, Math.round(11 * devicePixelRatio));
    ctx.fillStyle = theme.fg;
    spec.series.forEach((s, j) => {
      const scale = `v${units.indexOf(s.unit)}`;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const c = u.valToPos(i - GROUP / 2 + (j + 0.5) * barW, "x", true);
        const p = u.valToPos(v, scale, true);
        const text = formatNumber(v);
        const thick = Math.abs(u.valToPos(barW, "x", true) - u.valToPos(0, "x", true));
        if (horizontal) {
          if (thick < 10 * devicePixelRatio) return;
          ctx.textAlign = v < 0 ? "right" : "left";
          ctx.textBaseline = "middle";
          ctx.fillText(text, p + (v < 0 ? -4 : 4) * devicePixelRatio, c);
        } else {
          if (thick < ctx.measureText(text).width + 2) return;
          ctx.textAlign = "center";
          ctx.textBaseline = v < 0 ? "top" : "bottom";
          ctx.fillText(text, c, p + (v < 0 ? 3 : -3) * devicePixelRatio);
        }
      });
    });
    ctx.restore();
  };
  const opts: uPlot.Options = {
    width,
    height: Math.round(height),
    padding: [8, horizontal ? 28 : 12, 4, 4],
    series,
    scales,
    axes: [
      {
        ...axis,
        scale: "x",
        side: horizontal ? 3 : 2,
        size: rotate ? widest * 0.75 + 16 : catSize,
        rotate: rotate ? -40 : 0,
        gap: 4,
        label: horizontal ? undefined : spec.categoryLabel ? bilingual(spec.categoryLabel) : undefined,
        splits: () => spec.categories.map((_c, i) => i),
        values: (_u, splits) => splits.map((i) => shown[i] ?? ""),
        grid: { show: false },
        ticks: { show: false },
      },
      ...valueAxes,
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    hooks: { draw: [drawValues] },
  };
  return { opts, data: [spec.categories.map((_c, i) => i), ...spec.series.map((s) => s.values)] };
}
