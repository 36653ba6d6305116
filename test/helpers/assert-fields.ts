/**
 * Compares some named fields of an answer at once, so a failure names the field that differs.
 * @module
 */
import assert from "node:assert/strict";

/**
 * Asserts that `actual` has, for every key of `expected`, a value deep-equal to it (strictly, as
 * `assert.deepEqual` compares). Keys of `actual` that `expected` does not name are not compared.
 */
export function assertFields<T extends object>(
  actual: T,
  expected: { readonly [K in keyof T]?: unknown },
  message?: string,
): void {
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, Reflect.get(actual, k)]));
  assert.deepEqual(picked, expected, message);
}
