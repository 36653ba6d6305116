import uPlot from "uplot";
import { checkChartSpec } from "../check.ts";
import type { ChartSpec } from "../spec.ts";
import { bilingual } from "../spec.ts";
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
  title.textContent = bilingual(spec.title);
  const box = document.createElement("div");
  box.id = "chart";
  box.dataset.kind = spec.kind;
  root.append(title, box);
  document.title = bilingual(spec.title);

  let plot: uPlot | undefined;
  let drawnWidth = -1;
  const draw = () => {
    const width = Math.floor(box.clientWidth);
    if (width <= 0) return;
    drawnWidth = width;
    plot?.destroy();
    const theme = readTheme(document);
    const { opts, data } = spec.kind === "depth_curve" ? depthChart(spec, theme, width) : barChart(spec, theme, width);
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
