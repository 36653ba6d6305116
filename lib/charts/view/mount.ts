import uPlot from "uplot";
import { checkChartSpec } from "../check.ts";
import type { ChartSpec } from "../spec.ts";
import { bilingualLabel } from "../spec.ts";
import { barChart } from "./bar.ts";
import { depthChart } from "./depth.ts";
import { readTheme } from "./theme.ts";

/** A chart drawn into a page; `plot` is the live uPlot instance (tests read its scales). */
export type MountedChart = { spec: ChartSpec; plot: () => uPlot | undefined; destroy: () => void };

/** Shows a bilingual message in place of the chart (bad data, no data yet). */
export function showMessage(root: HTMLElement, text: string, state: "error" | "waiting"): void {
  root.replaceChildren();
  const box = document.createElement("div");
  box.className = state === "error" ? "chart-error" : "chart-note";
  box.textContent = text;
  root.append(box);
  document.documentElement.dataset.chart = state;
}

/**
 * Draws a chart spec into root (title, canvas, legend), redrawing when the container width or the
 * colour scheme changes. Invalid specs are shown as a readable error instead of a blank frame.
 */
export function mountChart(root: HTMLElement, value: unknown): MountedChart | undefined {
  let spec: ChartSpec;
  try {
    spec = checkChartSpec(value);
  } catch (error) {
    showMessage(root, (error as Error).message, "error");
    return undefined;
  }
  root.replaceChildren();
  const title = document.createElement("h1");
  title.className = "chart-title";
  title.textContent = bilingualLabel(spec.title);
  const box = document.createElement("div");
  box.className = "chart-box";
  if (root.id === "root") box.id = "chart";
  box.dataset.kind = spec.kind;
  root.append(title, box);
  if (root.id === "root") document.title = bilingualLabel(spec.title);

  let plot: uPlot | undefined;
  let drawnWidth = -1;
  const draw = () => {
    const width = Math.floor(box.clientWidth);
    if (width <= 0) return;
    drawnWidth = width;
    plot?.destroy();
    const theme = readTheme(document);
    const { opts, data } = spec.kind === "depth_curve"
      ? depthChart(spec, theme, width)
      : barChart(spec, theme, width);
    plot = new uPlot(opts, data, box);
    document.documentElement.dataset.scheme = theme.dark ? "dark" : "light";
  };
  const resize = new ResizeObserver(() => {
    if (Math.floor(box.clientWidth) !== drawnWidth) draw();
  });
  resize.observe(box);
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", draw);
  const themeAttr = new MutationObserver(draw);
  themeAttr.observe(document.documentElement, { attributeFilter: ["data-theme"] });
  draw();
  document.documentElement.dataset.chart = "ready";
  return {
    spec,
    plot: () => plot,
    destroy: () => {
      resize.disconnect();
      themeAttr.disconnect();
      scheme.removeEventListener("change", draw);
      plot?.destroy();
    },
  };
}

/**
 * Draws several charts one under the other (a tool answer's `structuredContent.charts`), each in
 * its own section; one chart is drawn exactly as mountChart draws it.
 */
export function mountCharts(root: HTMLElement, values: readonly unknown[]): MountedChart[] {
  if (values.length === 1) {
    const one = mountChart(root, values[0]);
    return one ? [one] : [];
  }
  root.replaceChildren();
  const sections = values.map(() => {
    const section = document.createElement("section");
    section.className = "chart-part";
    root.append(section);
    return section;
  });
  const mounted = values.map((v, i) => mountChart(sections[i], v)).filter((m): m is MountedChart =>
    m !== undefined
  );
  // A bad chart among good ones leaves its own message; the page is still ready when any drew.
  document.documentElement.dataset.chart = mounted.length > 0 ? "ready" : "error";
  return mounted;
}
