/**
 * One drilling daily row as plain data, keyed by the DRILLING_DAILY column names
 * (lib/schema/drilling-daily.ts). Any field may be null or absent; extra columns
 * (ids, bookkeeping) are allowed and ignored.
 */
export interface DrillingRecord {
  readonly well_id?: string | null;
  readonly report_date?: string | null;
  readonly spud_date?: string | null;
  readonly depth_m?: number | null;
  readonly footage_m?: number | null;
  readonly bit_type?: string | null;
  readonly bit_diameter_mm?: number | null;
  readonly wob_kn?: number | null;
  readonly rop_m_h?: number | null;
  readonly rpm?: number | null;
  readonly torque_kn_m?: number | null;
  readonly formation?: string | null;
  readonly lithology?: string | null;
  readonly drilling_hours_h?: number | null;
  readonly on_bottom_hours_cum_h?: number | null;
  readonly npt_h?: number | null;
  readonly npt_category?: string | null;
  readonly main_work?: string | null;
  readonly [column: string]: unknown;
}

/**
 * A finite number from a cell: numbers and numeric text (`" 12.5 "`) are read;
 * null, empty text, NaN, ±Infinity and anything else give null.
 */
export function num(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Trimmed text from a cell; null for null, empty or blank text. Numbers become their decimal text. */
export function text(value: unknown): string | null {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value !== "string") return null;
  const t = value.trim();
  return t === "" ? null : t;
}

const MS_PER_DAY = 86_400_000;

/**
 * Day number (whole days since 1970-01-01, UTC) of a `YYYY-MM-DD` date, or null
 * if the value is not such a date (`2021-02-30` is rejected, not rolled over).
 */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number from {@link dayNumber}. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
