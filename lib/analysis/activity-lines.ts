import type { ActivityLine } from "./activity-npt.ts";

/**
 * A row's activity lines as the data layer sends them (`activity_lines`: JSON text of
 * `[[activity_code, state, hours], …]`, or an array of ActivityLine); null when the row has
 * none or the value cannot be read, so the row falls back to its other NPT sources.
 */
export function activityLinesOf(value: unknown): ActivityLine[] | null {
  let raw: unknown = value;
  if (typeof value === "string") {
    try {
      raw = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const lines: ActivityLine[] = [];
  for (const item of raw) {
    if (Array.isArray(item)) {
      const [code, state, hours] = item;
      lines.push({
        activity_code: typeof code === "string" ? code : null,
        state: typeof state === "string" ? state : null,
        hours: typeof hours === "number" ? hours : null,
      });
    } else if (item && typeof item === "object") {
      const o = item as Record<string, unknown>;
      lines.push({
        activity_code: typeof o.activity_code === "string" ? o.activity_code : null,
        state: typeof o.state === "string" ? o.state : null,
        hours: typeof o.hours === "number" ? o.hours : null,
      });
    }
  }
  return lines.length ? lines : null;
}
