import { test } from "node:test";
import assert from "node:assert/strict";
import { finite, mean, median, quantile, sum, weightedMean } from "../../lib/analysis/stats.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected}, got ${actual}`,
  );

test("finite drops null, undefined, NaN and infinities", () => {
  assert.deepEqual(finite([1, null, undefined, NaN, Infinity, -Infinity, 0, -2]), [1, 0, -2]);
});

test("sum and mean ignore missing values and return null on empty input", () => {
  assert.equal(sum([1, 2, null, 3.5, NaN]), 6.5);
  assert.equal(mean([1, 2, null, 3.5, NaN]), 6.5 / 3);
  assert.equal(sum([]), null);
  assert.equal(mean([null, NaN]), null);
  assert.equal(sum([0]), 0); // zero is a value, not "missing"
});

test("weightedMean: Σwx/Σw over complete pairs, negative weights dropped", () => {
  // (10·100 + 20·300) / (100 + 300) = 7000/400 = 17.5
  close(weightedMean([10, 20], [100, 300]), 17.5);
  // the pair with a null value, the null weight and the negative weight all drop out
  close(weightedMean([10, null, 20, 99, 50], [100, 5, 300, null, -10]), 17.5);
  assert.equal(weightedMean([1, 2], [0, 0]), null);
  assert.equal(weightedMean([], []), null);
  assert.throws(() => weightedMean([1], []), /differ in length "1" vs "0"/);
});

test("quantile matches numpy's linear method on hand-computed cases", () => {
  const xs = [4, 1, 3, 2]; // sorted 1 2 3 4, n = 4
  close(quantile(xs, 0), 1);
  close(quantile(xs, 1), 4);
  close(quantile(xs, 0.1), 1.3); // h = 3·0.1 = 0.3 → 1 + 0.3·(2−1)
  close(quantile(xs, 0.9), 3.7); // h = 2.7 → 3 + 0.7·(4−3)
  close(quantile(xs, 0.5), 2.5); // h = 1.5
  // numpy.quantile([2, 7, 11, 15, 30], 0.1) = 4.0: h = 0.4 → 2 + 0.4·5
  close(quantile([30, 2, 11, 7, 15, null], 0.1), 4);
  close(quantile([5], 0.9), 5);
  assert.equal(quantile([null, NaN], 0.5), null);
  assert.throws(() => quantile([1], 1.5), /out of range "1.5"/);
  assert.throws(() => quantile([1], NaN), /out of range "NaN"/);
});

test("median is the middle value or the mean of the middle two", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([3, 1, 2, 10]), 2.5);
  assert.equal(median([]), null);
});
