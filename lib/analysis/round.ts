/** `value` rounded to `decimals` places (half away from zero, as toFixed); null stays null. */
export function roundTo(value: number | null, decimals = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * A shallow copy of `record` with every number field rounded to `decimals` places
 * (integers such as row counts are unchanged); other fields are copied as they are.
 */
export function roundNumbers<T extends object>(record: T, decimals = 2): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = typeof value === "number" ? roundTo(value, decimals) : value;
  }
  return out as T;
}
