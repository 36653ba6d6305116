import type { SqlValue } from "../db/db.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { namedWells } from "./named-wells.ts";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A SQL condition with its arguments. */
export interface Where {
  readonly sql: string;
  readonly args: SqlValue[];
}

function iso(name: string, value: string): string {
  if (!ISO.test(value)) {
    throw new Error(
      `dailyWhere: ${name} "${value}" is not YYYY-MM-DD; call resolveDailyFilter first`,
    );
  }
  return value;
}

/**
 * Turns a resolved filter into a WHERE clause over `drilling_daily` aliased `alias`,
 * always excluding soft-deleted rows.
 */
export function dailyWhere(filter: DailyFilter, alias = "d"): Where {
  const parts = [`${alias}.deleted_at IS NULL`];
  const args: SqlValue[] = [];
  const wells = [...new Set(namedWells(filter))];
  if (wells.length) {
    parts.push(`${alias}.well_id IN (${wells.map(() => "?").join(", ")})`);
    args.push(...wells);
  }
  if (filter.latest) {
    parts.push(
      `${alias}.report_date = (SELECT max(x.report_date) FROM drilling_daily x WHERE x.well_id = ${alias}.well_id AND x.deleted_at IS NULL)`,
    );
  }
  if (filter.date_from) {
    (parts.push(`${alias}.report_date >= ?`), args.push(iso("date_from", filter.date_from)));
  }
  if (filter.date_to) {
    (parts.push(`${alias}.report_date <= ?`), args.push(iso("date_to", filter.date_to)));
  }
  if (filter.depth_min_m !== undefined) {
    (parts.push(`${alias}.depth_m >= ?`), args.push(filter.depth_min_m));
  }
  if (filter.depth_max_m !== undefined) {
    (parts.push(`${alias}.depth_m <= ?`), args.push(filter.depth_max_m));
  }
  if (filter.formation) {
    parts.push(`instr(lower(${alias}.formation), lower(?)) > 0`);
    args.push(filter.formation);
  }
  return { sql: parts.join(" AND "), args };
}

/** The filter in words, for answers: `井号 W001；日期 date 2026-07-01 – 2026-07-31`. */
export function describeFilter(filter: DailyFilter): string {
  const parts: string[] = [];
  const wells = [...new Set(namedWells(filter))];
  if (wells.length) parts.push(`井号 well ${wells.join(", ")}`);
  if (filter.latest) parts.push("每口井最新日报 each well's latest report");
  if (filter.date_from || filter.date_to) {
    parts.push(`日期 date ${filter.date_from ?? "…"} – ${filter.date_to ?? "…"}`);
  }
  if (filter.depth_min_m !== undefined || filter.depth_max_m !== undefined) {
    parts.push(`井深 depth ${filter.depth_min_m ?? 0}–${filter.depth_max_m ?? "…"} m`);
  }
  if (filter.formation) parts.push(`地层 formation "${filter.formation}"`);
  return parts.length ? parts.join("；") : "全部记录 all records";
}
