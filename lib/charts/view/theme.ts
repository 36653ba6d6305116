/** Colours and fonts the canvas needs, read from the CSS variables of the current theme. */
export type Theme = {
  dark: boolean;
  fg: string;
  muted: string;
  axis: string;
  grid: string;
  bg: string;
  series: string[];
  font: string;
};

/** Reads the theme in force now (prefers-color-scheme or a forced data-theme on <html>). */
export function readTheme(doc: Document): Theme {
  const css = getComputedStyle(doc.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    dark: css.colorScheme === "dark",
    fg: v("--fg"),
    muted: v("--muted"),
    axis: v("--axis"),
    grid: v("--grid"),
    bg: v("--bg"),
    series: ["--s1", "--s2", "--s3", "--s4", "--s5", "--s6"].map(v),
    font: v("--font"),
  };
}

/** Canvas font shorthand at a pixel size, e.g. axisFont(theme, 12). */
export function canvasFont(theme: Theme, px: number, weight = 400): string {
  return `${weight} ${px}px ${theme.font}`;
}
