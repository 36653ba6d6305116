/**
 * Answers: what a tool says back: the answer's text (Markdown tables, report lines, the closing
 * lines every report answer ends with) and the zod shapes of structured output shared by several
 * tools.
 *
 * @module
 */
import type { ResolvedReportArgs } from "../data/report-args.ts";
import type { WellResolution } from "../data/resolve-wells.ts";
import type { Table } from "../schema/column.ts";
import { unitsOf } from "./report-text.ts";

/**
 * The lines every report answer ends with: the dates used, how typed wells were read,
 * the candidates of ambiguous ones, and wells that had no report on those dates.
 */
export function reportFooter(
  dates: readonly string[],
  wells: readonly WellResolution[],
  missing: readonly string[],
): string {
  const lines = [`日期 dates: ${dates.join("；")}`];
  for (const w of wells) if (w.match !== "exact") lines.push(`井号 well: ${w.note}`);
  if (missing.length) {
    lines.push(`这些井在所选日期没有日报 / no report on these dates: ${missing.join(", ")}`);
  }
  return lines.join("\n");
}

/** One page of report rows of `table`, for {@link reportPageAnswer}. */
export interface ReportPage<R> {
  readonly table: Table;
  readonly resolved: ResolvedReportArgs;
  readonly offset: number;
  readonly limit: number;
  readonly rows: R[];
  /** Rows matching in all. */
  readonly total: number;
  /** The headline when no row matches. */
  readonly none: string;
  /** The headline when some do: `total` in all, `shown` on this page. */
  readonly some: (total: number, shown: number) => string;
  /** One row as text. */
  readonly rowText: (row: R) => string;
}

/** What a page of report rows answers: the rows, paging, units, how wells and dates were read, and the text. */
export interface ReportPageAnswer<R> {
  readonly structured: {
    reports: R[];
    total: number;
    next_offset: number | null;
    units: Record<string, string>;
    dates_used: string[];
    wells: WellResolution[];
    wells_without_report: string[];
  };
  readonly text: string;
}

/**
 * The answer of a page of report rows (get_key_well_daily, query_drilling_data's report view): the
 * next page's offset, and on a short first page the named wells that had no report on those dates.
 */
export function reportPageAnswer<R extends { readonly well_id?: unknown }>(
  p: ReportPage<R>,
): ReportPageAnswer<R> {
  const { resolved: r, rows, total, offset } = p;
  const seen = new Set(rows.map((x) => x.well_id));
  const missing = offset === 0 && rows.length < p.limit
    ? (r.wellIds ?? []).filter((id) => !seen.has(id))
    : [];
  const next = offset + rows.length < total ? offset + rows.length : null;
  const head = rows.length === 0
    ? p.none
    : p.some(total, rows.length) + (next !== null ? ` offset=${next} 查看更多 for more.` : "");
  return {
    structured: {
      reports: rows,
      total,
      next_offset: next,
      units: unitsOf(p.table),
      dates_used: r.dates_used,
      wells: r.wells,
      wells_without_report: missing,
    },
    text: [head, ...rows.map(p.rowText), reportFooter(r.dates_used, r.wells, missing)].join("\n\n"),
  };
}
