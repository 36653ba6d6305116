import { roundTo } from "./round.ts";

/** A deep copy of `value` with every number rounded to `decimals` places (arrays and plain objects followed). */
export function roundDeep<T>(value: T, decimals = 2): T {
  if (typeof value === "number") return roundTo(value, decimals) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, decimals)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, roundDeep(v, decimals)]),
    ) as T;
  }
  return value;
}
