// Expressions evaluated inside a chart document, reading what was really drawn on the canvas.

/** Pixels drawn per series colour inside the plot area, and where (mean y early vs late along x). */
export type PlotStats = {
  state: string;
  opaque: number;
  colours: Array<{ n: number; earlyY: number; lateY: number }>;
  deepBelowShallow: boolean;
};

/** Reads the plot area of window.__chart: counts opaque pixels and pixels of each series colour. */
export const PLOT_STATS = `(() => {
  const u = window.__chart.plot();
  const { left, top, width, height } = u.bbox;
  const img = u.ctx.getImageData(left, top, width, height).data;
  const css = getComputedStyle(document.documentElement);
  const colours = ["--s1", "--s2", "--s3", "--s4"].map((v) => {
    const s = css.getPropertyValue(v).trim();
    return [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
  });
  const hits = colours.map(() => []);
  let opaque = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = (y * width + x) * 4;
    if (img[i + 3] < 128) continue;
    opaque++;
    colours.forEach((c, k) => {
      if (Math.abs(img[i] - c[0]) + Math.abs(img[i + 1] - c[1]) + Math.abs(img[i + 2] - c[2]) < 60) hits[k].push([x, y]);
    });
  }
  const mean = (a) => a.reduce((s, p) => s + p[1], 0) / Math.max(1, a.length);
  return {
    state: document.documentElement.dataset.chart,
    opaque,
    colours: hits.map((h) => {
      if (h.length === 0) return { n: 0, earlyY: 0, lateY: 0 };
      const xs = h.map((p) => p[0]);
      // reduce, not Math.min(...xs): a tall chart has more pixels than the call stack takes arguments.
      const lo = xs.reduce((a, b) => Math.min(a, b)), hi = xs.reduce((a, b) => Math.max(a, b)), q = (hi - lo) / 4;
      return { n: h.length, earlyY: mean(h.filter((p) => p[0] <= lo + q)), lateY: mean(h.filter((p) => p[0] >= hi - q)) };
    }),
    deepBelowShallow: u.scales.y ? u.valToPos(3000, "y") > u.valToPos(500, "y") : false,
  };
})()`;

/** WCAG contrast ratios of text and axis colours against the page background, and its luminance. */
export const CONTRAST = `(() => {
  const css = getComputedStyle(document.documentElement);
  const lum = (s) => {
    const m = s.trim().match(/^#(..)(..)(..)$/) || [];
    const [r, g, b] = m.slice(1).map((h) => { const c = parseInt(h, 16) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const v = (n) => css.getPropertyValue(n);
  return { bg: lum(v("--bg")), text: ratio(v("--fg"), v("--bg")), axis: ratio(v("--axis"), v("--bg")),
    series: ["--s1", "--s2", "--s3", "--s4"].map((s) => ratio(v(s), v("--bg"))) };
})()`;
