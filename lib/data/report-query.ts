import type { Executor, Row, SqlValue } from "../db/db.ts";
import type { Table } from "../schema/column.ts";
import { columnNames } from "../schema/zod.ts";
import type { DateSelection } from "../words/dates.ts";

/** What {@link queryReports} reads: a dated per-well table, wells (null: all), date selections, a page. */
export interface ReportQuery {
  readonly table: Table;
  readonly wellIds: readonly string[] | null;
  readonly selections: readonly DateSelection[];
  readonly limit: number;
  readonly offset: number;
  /** Extra condition on alias `r`, e.g. a layer. */
  readonly extra?: { sql: string; args: SqlValue[] };
}

/**
 * Live rows of `table` (which has well_id and report_date) for the wells on the selected
 * dates (`latest`: each well's newest report date in that table), newest first, with
 * `id` and `well_in_master`; and how many match in all.
 */
export async function queryReports(
  db: Executor,
  q: ReportQuery,
): Promise<{ rows: Row[]; total: number }> {
  const t = q.table.name;
  const parts = ["r.deleted_at IS NULL"];
  const args: SqlValue[] = [];
  if (q.wellIds) {
    if (q.wellIds.length === 0) return { rows: [], total: 0 };
    parts.push(`r.well_id IN (${q.wellIds.map(() => "?").join(", ")})`);
    args.push(...q.wellIds);
  }
  const dateParts = q.selections.map((s) => {
    if (s.kind === "latest") {
      return `r.report_date = (SELECT max(x.report_date) FROM ${t} x WHERE x.well_id = r.well_id AND x.deleted_at IS NULL)`;
    }
    args.push(s.from, s.to);
    return "r.report_date BETWEEN ? AND ?";
  });
  if (dateParts.length) parts.push(`(${dateParts.join(" OR ")})`);
  if (q.extra) (parts.push(q.extra.sql), args.push(...q.extra.args));
  const where = parts.join(" AND ");
  const select = [
    "r.id",
    ...columnNames(q.table).map((c) => `r.${c}`),
    "EXISTS (SELECT 1 FROM wells w WHERE w.well_id = r.well_id AND w.deleted_at IS NULL) AS well_in_master",
  ].join(", ");
  const [count, page] = await Promise.all([
    db.execute(`SELECT count(*) AS n FROM ${t} r WHERE ${where}`, args),
    db.execute(
      `SELECT ${select} FROM ${t} r WHERE ${where} ORDER BY r.report_date DESC, r.well_id, r.id LIMIT ? OFFSET ?`,
      [...args, q.limit, q.offset],
    ),
  ]);
  const rows = page.rows.map((r) => ({ ...r, well_in_master: Boolean(r.well_in_master) }));
  return { rows, total: Number(count.rows[0].n) };
}
