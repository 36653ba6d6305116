// Chart specifications: plain JSON (no functions) so a tool can put one in
// structuredContent and the browser view can draw it unchanged.

/** A text shown to the user in Chinese first, then English: `{ zh: "钻速", en: "ROP" }` → "钻速 ROP". */
export type Bilingual = { zh: string; en: string };

/** One line on a depth curve: a well's actual or planned depth against days since spud. */
export type DepthSeries = {
  /** Well id as the users write it, e.g. "乐探1". */
  well: string;
  /** `actual` is drawn solid, `plan` dashed in the same colour as the well's actual line. */
  kind: "actual" | "plan";
  /** `[daysSinceSpud, measuredDepthMetres]` pairs, days ascending. */
  points: Array<[number, number]>;
};

/** Days since spud (x) against measured depth in metres (y, growing downward). */
export type DepthCurveSpec = {
  kind: "depth_curve";
  title: Bilingual;
  /** Defaults to 钻井天数 Days since spud (d). */
  xLabel?: Bilingual;
  /** Defaults to 井深 Measured depth (m). */
  yLabel?: Bilingual;
  series: DepthSeries[];
};

/** One value per category, e.g. average ROP per formation. */
export type BarSeries = {
  name: Bilingual;
  /** Unit shown on the axis and in values, e.g. "m/h", "h", "d". At most two different units per chart. */
  unit: string;
  /** Same length and order as `categories`; null where there is no value. */
  values: Array<number | null>;
};

/** Categories (formations, bits, NPT causes, wells) with one or more value series. */
export type BarSpec = {
  kind: "bar";
  title: Bilingual;
  /** Category names; a plain string is shown as is (well ids), a Bilingual as "中文 English". */
  categories: Array<string | Bilingual>;
  series: BarSeries[];
  /** Defaults to horizontal when names are long or many, which keeps Chinese labels readable. */
  orientation?: "vertical" | "horizontal";
  /** Label of the category axis, e.g. 层位 Formation. */
  categoryLabel?: Bilingual;
};

/** Everything the chart views can draw. */
export type ChartSpec = DepthCurveSpec | BarSpec;

/**
 * A chart label, Chinese then English joined by a space: `{ zh: "钻速", en: "ROP (m/h)" }` →
 * "钻速 ROP (m/h)" (messages use `bilingual` of lib/analysis/format.ts: "中文 / English").
 */
export function bilingualLabel(text: Bilingual | string): string {
  if (typeof text === "string") return text;
  if (text.zh === text.en) return text.zh;
  return `${text.zh} ${text.en}`.trim();
}
