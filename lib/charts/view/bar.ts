import uPlot from "uplot";
import type { BarSpec } from "../spec.ts";
import { bilingualLabel } from "../spec.ts";
import { ceilNice, clamp, formatNumber, textWidth } from "./format.ts";
import { drawBarValues } from "./bar-labels.ts";
import { canvasFont, type Theme } from "./theme.ts";

const GROUP = 0.78; // share of a category slot the bar group fills
const STEPS = 5; // grid steps of both value axes when a chart has two units

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
}

function fitLabel(text: string, font: string, max: number): string {
  if (textWidth(text, font) <= max) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, font) > max) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function unitLabel(spec: BarSpec, unit: string): string {
  const named = spec.series.filter((s) => s.unit === unit).map((s) => s.name);
  if (named.length === 1) return `${bilingualLabel(named[0])} (${unit})`;
  return `${named.map((n) => n.zh).join("/")} ${named.map((n) => n.en).join("/")} (${unit})`;
}

/** uPlot options and data for grouped bars, one value scale per unit (at most two). */
export function barChart(
  spec: BarSpec,
  theme: Theme,
  width: number,
): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const n = spec.categories.length;
  const k = spec.series.length;
  const axisFont = canvasFont(theme, 12);
  const labels = spec.categories.map((c) => bilingualLabel(c));
  const widest = Math.max(...labels.map((l) => textWidth(l, axisFont)));
  const horizontal = spec.orientation
    ? spec.orientation === "horizontal"
    : widest > ((width - 90) / n) * 0.9 || n > 10;
  const shown = horizontal ? labels.map((l) => fitLabel(l, axisFont, width * 0.4)) : labels;
  const catSize = horizontal ? Math.min(widest, width * 0.4) + 14 : 26;
  const rotate = !horizontal && widest > ((width - 90) / n) * 0.95;
  const units = [...new Set(spec.series.map((s) => s.unit))];
  const barW = GROUP / k;
  const x0 = (j: number) => (_u: uPlot, _s: number) =>
    spec.categories.map((_c, i) => i - GROUP / 2 + j * barW);
  const axis = {
    stroke: theme.axis,
    font: axisFont,
    labelFont: canvasFont(theme, 12, 600),
    labelSize: 20,
    ticks: { stroke: theme.grid, width: 1, size: 4 },
  };
  // With two units, each axis takes the colour of its series (when it has one) to say which is which.
  const axisColour = (unit: string) => {
    const owners = spec.series.flatMap((s, j) => (s.unit === unit ? [j] : []));
    return units.length === 2 && owners.length === 1
      ? theme.series[owners[0] % theme.series.length]
      : theme.axis;
  };
  const valueAxes: uPlot.Axis[] = units.map((unit, ui) => ({
    ...axis,
    stroke: axisColour(unit),
    scale: `v${ui}`,
    side: horizontal ? (ui === 0 ? 2 : 0) : ui === 0 ? 3 : 1,
    size: horizontal ? 32 : 52,
    label: unitLabel(spec, unit),
    grid: { show: ui === 0, stroke: theme.grid, width: 1 },
  }));
  const scales: uPlot.Scales = {
    x: { time: false, ori: horizontal ? 1 : 0, dir: horizontal ? -1 : 1, range: [-0.5, n - 0.5] },
  };
  const extents = units.map((unit) => {
    const values = spec.series.filter((s) => s.unit === unit).flatMap((s) =>
      s.values.filter((v): v is number => v !== null)
    );
    return [Math.min(0, ...values), Math.max(0, ...values)];
  });
  // Two units: give both scales the same number of round steps so the right axis ticks sit on the grid.
  const aligned = units.length === 2 && extents.every(([lo]) => lo === 0);
  units.forEach((_unit, ui) => {
    const [lo, hi] = extents[ui];
    const step = aligned ? niceStep((hi * 1.1) / STEPS) : 0;
    scales[`v${ui}`] = {
      ori: horizontal ? 0 : 1,
      dir: 1,
      range: aligned
        ? [0, step * STEPS]
        : [lo < 0 ? -ceilNice(-lo * 1.12) : 0, ceilNice(Math.max(hi * 1.12, 1e-9))],
    };
    if (aligned) {
      valueAxes[ui].splits = () => Array.from({ length: STEPS + 1 }, (_v, i) => i * step);
    }
  });
  const series: uPlot.Series[] = [
    {
      label: bilingualLabel(spec.categoryLabel ?? { zh: "类别", en: "Category" }),
      value: (_u, v) => (v == null ? "—" : labels[v] ?? "—"),
    },
    ...spec.series.map((s, j): uPlot.Series => ({
      label: `${bilingualLabel(s.name)} (${s.unit})`,
      scale: `v${units.indexOf(s.unit)}`,
      fill: theme.series[j % theme.series.length],
      stroke: theme.series[j % theme.series.length],
      width: 0,
      points: { show: false },
      paths: uPlot.paths.bars!({
        disp: { x0: { unit: 1, values: x0(j) }, size: { unit: 1, values: () => [barW * 0.9] } },
      }),
      value: (_u, v) => (v == null ? "—" : `${formatNumber(v)} ${s.unit}`),
    })),
  ];
  const rowPx = Math.max(24, k * 13 + 10);
  const height = horizontal
    ? n * rowPx + 64
    : Math.round(clamp(width * 0.6, 280, 420)) + (rotate ? widest * 0.68 : 0);
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
        size: rotate ? widest * 0.68 + 16 : catSize,
        rotate: rotate ? 40 : 0, // text ends at its tick, rising to the right
        gap: 4,
        label: horizontal
          ? undefined
          : spec.categoryLabel
          ? bilingualLabel(spec.categoryLabel)
          : undefined,
        splits: () => spec.categories.map((_c, i) => i),
        values: (_u, splits) => splits.map((i) => shown[i] ?? ""),
        grid: { show: false },
        ticks: { show: false },
      },
      ...valueAxes,
    ],
    legend: { show: k > 1, live: true },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    hooks: {
      draw: [(u) =>
        drawBarValues(u, spec, theme, {
          group: GROUP,
          barW,
          horizontal,
          scaleOf: (j) => `v${units.indexOf(spec.series[j].unit)}`,
        })],
    },
  };
  return { opts, data: [spec.categories.map((_c, i) => i), ...spec.series.map((s) => s.values)] };
}
