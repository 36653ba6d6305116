/** Formats a number for labels: thousands separators, fewer decimals as values grow (3,512 · 12.5 · 0.85). */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** Rounds a positive maximum up to a round axis end: 3617 → 3750 (step = magnitude / parts). */
export function ceilNice(value: number, parts = 4): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / parts;
  return Math.ceil(value / step) * step;
}

/** Pixel width of a text in a canvas font, for axis sizes. */
export function textWidth(text: string, font: string): number {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return text.length * 12;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** Clamps a number into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
