/**
 * Analysis: pure computation over report rows (ROP, NPT, MSE, periods, curves, statistics). No
 * SQL, no I/O, no text for people.
 *
 * @module
 */
/** A list of values as drilling columns give them: numbers that may be null, undefined or NaN. */
export type Values = readonly (number | null | undefined)[];

/** The finite numbers of `values`; null, undefined, NaN and ±Infinity are dropped. */
export function finite(values: Values): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** Sum of the finite values; null when there are none. */
export function sum(values: Values): number | null {
  const xs = finite(values);
  if (xs.length === 0) return null;
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/** Arithmetic mean of the finite values; null when there are none. */
export function mean(values: Values): number | null {
  const xs = finite(values);
  const total = sum(xs);
  return total === null ? null : total / xs.length;
}

/**
 * Weighted mean Σ(wᵢ·xᵢ) / Σwᵢ over the pairs (values[i], weights[i]) where both
 * are finite and the weight is ≥ 0 (a negative weight, e.g. a footage typed with
 * a sign error, drops its pair). Null when no pair is left or the weights sum to 0.
 * Throws when the two lists differ in length.
 */
export function weightedMean(values: Values, weights: Values): number | null {
  if (values.length !== weights.length) {
    throw new Error(
      `数值与权重个数不同 "${values.length}" ≠ "${weights.length}" / values and weights differ in length "${values.length}" vs "${weights.length}": pass one weight per value`,
    );
  }
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const w = weights[i];
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) continue;
    top += w * x;
    bottom += w;
  }
  return bottom > 0 ? top / bottom : null;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the finite values by linear interpolation between
 * order statistics, as numpy's default (`method="linear"`, Hyndman & Fan type 7):
 * sort the n values x₀ ≤ … ≤ xₙ₋₁, let h = (n − 1)·p, then
 * Q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). So p = 0 is the minimum, p = 1 the maximum,
 * and [1, 2, 3, 4] gives Q(0.1) = 1.3. Null when there are no finite values.
 * Throws when p is outside [0, 1].
 */
export function quantile(values: Values, p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new Error(
      `分位数 p 超出范围 "${p}" / quantile p out of range "${p}": use a number from 0 to 1 (0.1 for P10)`,
    );
  }
  const xs = finite(values).sort((a, b) => a - b);
  return quantileOfSorted(xs.length, p, (i) => xs[i]);
}

/** The order statistics (0-based ranks) {@link quantileOfSorted} reads for the p-quantile of n values. */
export function quantileRanks(n: number, p: number): readonly [lo: number, hi: number] {
  const lo = Math.floor((n - 1) * p);
  return [lo, Math.min(lo + 1, n - 1)];
}

/**
 * {@link quantile}'s interpolation over n sorted values, read through `at(rank)` (0-based): the
 * same arithmetic whether the values are in an array or were picked in SQL. Null when n is 0.
 */
export function quantileOfSorted(
  n: number,
  p: number,
  at: (rank: number) => number,
): number | null {
  if (n === 0) return null;
  const h = (n - 1) * p;
  const [lo, hi] = quantileRanks(n, p);
  const x = at(lo);
  return x + (h - lo) * (at(hi) - x);
}

/** Median of the finite values (the 0.5 quantile, so the mean of the middle two for an even count); null when none. */
export function median(values: Values): number | null {
  return quantile(values, 0.5);
}
