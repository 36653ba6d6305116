/**
 * ROP's two means in SQL: the sums analyze_rop's and compare_wells' queries take over the rows of
 * figureRowsSql (lib/data/analysis-sql.ts), and the means read back from them.
 *
 * @module
 */
import type { Row } from "../db/db.ts";

/**
 * The sums over figureRowsSql's rows behind ROP's two means, named: Σ rop·f and Σ f where there
 * is a ROP (footage-weighted), Σ f and Σ h where the hours are above 0 (time-based).
 */
export const ROP_SUMS: readonly (readonly [string, string])[] = [
  ["top", "sum(rop * f)"],
  ["bottom", "sum(CASE WHEN rop IS NOT NULL THEN f END)"],
  ["timed_f", "sum(CASE WHEN h > 0 THEN f END)"],
  ["timed_h", "sum(CASE WHEN f IS NOT NULL AND h > 0 THEN h END)"],
];

/** A SQL value as a number, or null. */
export const sqlNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * ROP's footage-weighted mean (as weightedMean: null when no footage has a ROP) and time-based
 * mean (null without hours) from a row holding the {@link ROP_SUMS}.
 */
export function ropMeans(r: Row): { weighted: number | null; timeBased: number | null } {
  const top = sqlNumber(r.top) ?? 0, bottom = sqlNumber(r.bottom) ?? 0;
  const timedH = sqlNumber(r.timed_h);
  return {
    weighted: bottom > 0 ? top / bottom : null,
    timeBased: timedH ? sqlNumber(r.timed_f)! / timedH : null,
  };
}
