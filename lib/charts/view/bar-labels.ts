import type uPlot from "uplot";
import type { BarSpec } from "../spec.ts";
import { formatNumber } from "./format.ts";
import { canvasFont, type Theme } from "./theme.ts";

type Rect = { x1: number; y1: number; x2: number; y2: number };

/** Where the bars of a grouped bar chart sit, in data units of the category scale. */
export type BarLayout = {
  group: number;
  barW: number;
  horizontal: boolean;
  scaleOf: (series: number) => string;
};

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Writes each bar's value at its end, skipping a label that would leave the plot or cover another
 * bar or label (dense charts keep their hover legend instead).
 */
export function drawBarValues(u: uPlot, spec: BarSpec, theme: Theme, layout: BarLayout): void {
  const px = devicePixelRatio;
  const { group, barW, horizontal } = layout;
  const bars: Array<{ rect: Rect; v: number; c: number; p: number }> = [];
  spec.series.forEach((s, j) => {
    const scale = layout.scaleOf(j);
    s.values.forEach((v, i) => {
      if (v === null) return bars.push({ rect: { x1: 0, y1: 0, x2: 0, y2: 0 }, v: 0, c: 0, p: 0 });
      const c = u.valToPos(i - group / 2 + (j + 0.5) * barW, "x", true);
      const t = Math.abs(u.valToPos(barW * 0.45, "x", true) - u.valToPos(0, "x", true));
      const p = u.valToPos(v, scale, true);
      const b = u.valToPos(0, scale, true);
      const rect = horizontal
        ? { x1: Math.min(p, b), x2: Math.max(p, b), y1: c - t, y2: c + t }
        : { x1: c - t, x2: c + t, y1: Math.min(p, b), y2: Math.max(p, b) };
      bars.push({ rect, v, c, p });
    });
  });
  const { left, top, width, height } = u.bbox;
  const plot = { x1: left, y1: top, x2: left + width, y2: top + height };
  const ctx = u.ctx;
  const size = Math.round(11 * px);
  ctx.save();
  ctx.font = canvasFont(theme, size);
  ctx.fillStyle = theme.fg;
  ctx.textBaseline = "middle";
  ctx.textAlign = "center";
  const placed: Rect[] = [];
  bars.forEach((bar, k) => {
    if (bar.rect.x2 === 0 && bar.rect.y2 === 0) return;
    const text = formatNumber(bar.v);
    const w = ctx.measureText(text).width;
    const gap = 4 * px;
    const sign = bar.v < 0 ? -1 : 1;
    const cx = horizontal ? bar.p + sign * (gap + w / 2) : bar.c;
    const cy = horizontal ? bar.c : bar.p - sign * (gap + size / 2);
    const rect = { x1: cx - w / 2, x2: cx + w / 2, y1: cy - size / 2, y2: cy + size / 2 };
    const inside = rect.x1 >= plot.x1 && rect.x2 <= plot.x2 && rect.y1 >= plot.y1 &&
      rect.y2 <= plot.y2;
    if (
      !inside || placed.some((r) => overlaps(r, rect)) ||
      bars.some((o, m) => m !== k && overlaps(o.rect, rect))
    ) return;
    placed.push(rect);
    ctx.fillText(text, cx, cy);
  });
  ctx.restore();
}
