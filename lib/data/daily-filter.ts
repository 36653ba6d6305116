import { z } from "zod";
import type { SqlValue } from "../db.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (what: string) =>
  z.string().regex(DATE, { message: `${what}须为 YYYY-MM-DD / ${what} must be YYYY-MM-DD` });

/** The filters every drilling-daily tool accepts (query, analyses, exports). */
export const dailyFilterShape = {
  well_id: z.string().trim().min(1).max(64).optional().describe("井号 well id, e.g. W001"),
  well_ids: z.array(z.string().trim().min(1).max(64)).min(1).max(100).optional()
    .describe("多口井 several well ids (up to 100)"),
  date_from: date("起始日期 date_from").optional().describe("起始日期（含）first report date, inclusive, YYYY-MM-DD"),
  date_to: date("截止日期 date_to").optional().describe("截止日期（含）last report date, inclusive, YYYY-MM-DD"),
  depth_min_m: z.number().min(0).max(20000).optional().describe("最小井深 minimum measured depth (m)"),
  depth_max_m: z.number().min(0).max(20000).optional().describe("最大井深 maximum measured depth (m)"),
  formation: z.string().trim().min(1).max(100).optional()
    .describe("地层（包含匹配）formation, matched as a substring, e.g. 八道湾 or Badaowan"),
};

/** Parsed values of {@link dailyFilterShape}. */
export interface DailyFilter {
  well_id?: string;
  well_ids?: string[];
  date_from?: string;
  date_to?: string;
  depth_min_m?: number;
  depth_max_m?: number;
  formation?: string;
}

/** A SQL condition with its arguments. */
export interface Where {
  readonly sql: string;
  readonly args: SqlValue[];
}

/**
 * Turns a filter into a WHERE clause over `drilling_daily` aliased `alias`,
 * always excluding soft-deleted rows.
 */
export function dailyWhere(filter: DailyFilter, alias = "d"): Where {
  const parts = [`${alias}.deleted_at IS NULL`];
  const args: SqlValue[] = [];
  const wells = [...(filter.well_id ? [filter.well_id] : []), ...(filter.well_ids ?? [])];
  if (wells.length) {
    parts.push(`${alias}.well_id IN (${wells.map(() => "?").join(", ")})`);
    args.push(...wells);
  }
  if (filter.date_from) (parts.push(`${alias}.report_date >= ?`), args.push(filter.date_from));
  if (filter.date_to) (parts.push(`${alias}.report_date <= ?`), args.push(filter.date_to));
  if (filter.depth_min_m !== undefined) (parts.push(`${alias}.depth_m >= ?`), args.push(filter.depth_min_m));
  if (filter.depth_max_m !== undefined) (parts.push(`${alias}.depth_m <= ?`), args.push(filter.depth_max_m));
  if (filter.formation) {
    parts.push(`instr(lower(${alias}.formation), lower(?)) > 0`);
    args.push(filter.formation);
  }
  return { sql: parts.join(" AND "), args };
}

/** The filter in words, for answers: `井号 W001，2026-07-01 至 2026-07-31`. */
export function describeFilter(filter: DailyFilter): string {
  const parts: string[] = [];
  const wells = [...(filter.well_id ? [filter.well_id] : []), ...(filter.well_ids ?? [])];
  if (wells.length) parts.push(`井号 well ${wells.join(", ")}`);
  if (filter.date_from || filter.date_to) parts.push(`日期 date ${filter.date_from ?? "…"} – ${filter.date_to ?? "…"}`);
  if (filter.depth_min_m !== undefined || filter.depth_max_m !== undefined) {
    parts.push(`井深 depth ${filter.depth_min_m ?? 0}–${filter.depth_max_m ?? "…"} m`);
  }
  if (filter.formation) parts.push(`地层 formation "${filter.formation}"`);
  return parts.length ? parts.join("；") : "全部记录 all records";
}
