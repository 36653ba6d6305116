/**
 * A number for a headline: rounded to `decimals` places with trailing zeros
 * dropped (`412.0` → `412`, `11.24` → `11.2`); `—` for null.
 */
export function fmt(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A bilingual message line, Chinese first: `中文 / English` (chart labels use `bilingualLabel`). */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** The headline of an analysis that got no rows, e.g. `没有匹配的记录（钻速分析）/ no rows matched (ROP analysis)`. */
export function noRowsHeadline(analysisZh: string, analysisEn: string): string {
  return bilingual(`没有匹配的记录（${analysisZh}）`, `no rows matched (${analysisEn})`);
}

/** `1 row`, `12 rows`: an English count with the noun in the right number (regular plurals only). */
export function rows(n: number, noun = "row"): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
