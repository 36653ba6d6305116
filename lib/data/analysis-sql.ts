import type { Executor } from "../db/db.ts";
import { ANALYSIS_ROW_CAP, tooManyRows } from "./analysis-fetch.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { dailyWhere } from "./daily-where.ts";
import type { Where } from "./daily-where.ts";

// What lib/analysis reads from a drilling daily row and what SQL reads must be the same values.
// They are when every selected row is "plain": numbers stored as numbers of a sane size, dates
// as valid YYYY-MM-DD text, well ids and group names as text without the edge whitespace that
// the analyses' text()/trim() would strip (JavaScript trims more characters than SQLite's trim).
// The SQL of lib/data/analysis-rop-sql.ts and analysis-compare-sql.ts counts the rows that are
// not; any such row sends the analysis back to the rows read into JavaScript (the reference).

/** The code points String.prototype.trim strips (WhiteSpace and LineTerminator of ECMAScript). */
const JS_SPACE = [
  9,
  10,
  11,
  12,
  13,
  32,
  160,
  5760,
  8192,
  8193,
  8194,
  8195,
  8196,
  8197,
  8198,
  8199,
  8200,
  8201,
  8202,
  8232,
  8233,
  8239,
  8287,
  12288,
  65279,
];

/** SQL true when `text` (not NULL) starts or ends with a character String.prototype.trim strips, or is empty. */
function edgeSpace(text: string): string {
  // trim(X, Y) strips the characters of Y from both ends: one call per value.
  return `(${text} = '' OR ${text} <> trim(${text}, char(${JS_SPACE.join(", ")})))`;
}

/**
 * SQL true when the value of `column` (a REAL column) is not a number the analyses read as the
 * same number (or NULL): text or a blob (x + 0.0 is then another value), or ±Infinity or near it
 * (num() reads ±Infinity as missing, and sums near it could overflow). Plain comparisons, no
 * function calls: this runs for every column of every row.
 */
export function oddNumberSql(column: string): string {
  return `(${column} + 0.0 IS NOT ${column} OR ${column} > 1e300 OR ${column} < -1e300)`;
}

/** SQL true when the value of `column` is neither NULL nor text that reads the same trimmed. */
export function oddTextSql(column: string): string {
  // Parenthesized: NOT binds looser than +, and callers add these up.
  return `(NOT (${column} IS NULL OR (typeof(${column}) = 'text' AND NOT ${edgeSpace(column)})))`;
}

/** SQL true when `column` holds a `YYYY-MM-DD` date dayNumber (lib/analysis/record.ts) accepts (text without spaces). */
function validDateSql(column: string): string {
  return `(${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ${column} >= '0100' AND date(${column}) = ${column})`;
}

/** SQL true when the well id in `column` is not plain: not text, edge whitespace, or a character below U+0002 (the group-order key's separator). */
export function oddWellSql(column: string): string {
  return `(NOT (typeof(${column}) = 'text' AND NOT ${
    edgeSpace(column)
  } AND instr(${column}, char(1)) = 0))`;
}

/**
 * The columns each selected row (drilling_daily `d`, filter `where`) gives the SQL analyses, in a
 * CTE `fig`: `w` well id, `day` report date, `rop` (ROP > 0, else NULL), `f` (footage ≥ 0, else
 * NULL), `h` (on-bottom hours by dailyOnBottomHours' rule: drilling_hours_h ≥ 0, else the rise of
 * on_bottom_hours_cum_h since the well's report of the calendar day before, when that report is
 * selected too and the rise is 0–24 h), `odd` (1 when the row is not plain, see above, but for
 * its well id: the same for every row of a well, the caller checks it once per well with
 * {@link oddWellSql} or {@link oddWellsSql}), and `extra` columns. The day before is found by well and date (one live report per well and day) in
 * the covering index of migration 009 too, so neither side reads the wide table's rows and the rows
 * stream in the index's well order without a sort. Returns the CTE
 * text (a `WITH` clause's body, without WITH) and its arguments.
 */
export function figureRowsSql(
  filter: DailyFilter,
  extra: readonly string[],
  oddExtra: readonly string[],
): { sql: string; args: Where["args"] } {
  const where = dailyWhere(filter, "d");
  const before = dailyWhere(filter, "p");
  const numbers = ["d.rop_m_h", "d.footage_m", "d.drilling_hours_h", "d.on_bottom_hours_cum_h"];
  const odd = [
    `NOT ${validDateSql("d.report_date")}`,
    ...numbers.map(oddNumberSql),
    ...oddExtra,
  ].join(" OR ");
  const rise = "d.on_bottom_hours_cum_h - p.on_bottom_hours_cum_h";
  const sql = `fig AS (
    SELECT d.well_id AS w, d.report_date AS day, CASE WHEN d.rop_m_h > 0 THEN d.rop_m_h END AS rop,
      CASE WHEN d.footage_m >= 0 THEN d.footage_m END AS f,
      CASE WHEN d.drilling_hours_h >= 0 THEN d.drilling_hours_h WHEN ${rise} BETWEEN 0 AND 24 THEN ${rise} END AS h,
      (${odd}) AS odd${extra.map((e) => `, ${e}`).join("")}
    FROM drilling_daily d LEFT JOIN drilling_daily p INDEXED BY drilling_daily_figures ON p.well_id = d.well_id AND p.report_date = date(d.report_date, '-1 day') AND ${before.sql}
    WHERE ${where.sql}
  )`;
  return { sql, args: [...before.args, ...where.args] };
}

/**
 * A scalar subquery: how many of the wells of the rows `filter` selects have an id that is not
 * plain ({@link oddWellSql}), checked once per well over the covering index of migration 009
 * (the check per row cost more than the rest of a row's checks together). Returns its text
 * (parenthesized) and arguments.
 */
export function oddWellsSql(filter: DailyFilter): { sql: string; args: Where["args"] } {
  const where = dailyWhere(filter, "d");
  return {
    sql:
      `(SELECT count(*) FROM (SELECT d.well_id AS w FROM drilling_daily d INDEXED BY drilling_daily_figures WHERE ${where.sql} GROUP BY d.well_id) WHERE ${
        oddWellSql("w")
      })`,
    args: where.args,
  };
}

/**
 * The number of live rows `filter` selects (counted up to cap + 1); more than `cap` throws the
 * ToolError of tooManyRows.
 */
export async function checkRowCap(
  db: Executor,
  filter: DailyFilter,
  cap = ANALYSIS_ROW_CAP,
): Promise<number> {
  const where = dailyWhere(filter);
  const rs = await db.execute(
    `SELECT count(*) AS n FROM (SELECT 1 FROM drilling_daily d WHERE ${where.sql} LIMIT ?)`,
    [...where.args, cap + 1],
  );
  const count = Number(rs.rows[0].n);
  if (count > cap) throw tooManyRows(filter, cap);
  return count;
}

const U = 2 ** -53;

/**
 * A bound on |SQL's sum − JavaScript's sum| ÷ sum for n non-negative terms: SQLite's sum() is
 * compensated (error ≤ 2u·sum, also when it adds partial sums), lib/analysis adds left to right
 * (error ≤ (n−1)u·sum); u = 2⁻⁵³. Doubled for margin.
 */
export function sumSlack(n: number): number {
  return 2 * (n + 8) * U;
}

/** The bound of a quotient of two such sums (each quotient rounds once in each path). */
export function ratioSlack(n: number): number {
  return 2 * sumSlack(n) + 4 * U;
}

/**
 * Whether every value within `rel` (relative) of `v` is shown the same: rounded to 2 places as
 * structured content is (roundTo) and to 1 as text is (fmt). When not, the SQL figure could be
 * shown differently from JavaScript's, and the caller computes it from the rows instead.
 */
export function shownSame(v: number | null, rel: number): boolean {
  if (v === null) return true;
  const d = Math.abs(v) * rel;
  const [lo, hi] = [v - d, v + d];
  return lo.toFixed(2) === hi.toFixed(2) && lo.toFixed(1) === hi.toFixed(1);
}

/** Whether values (each within `rel` of its own) can be told apart in order: no two intervals touch. */
export function orderSure(values: readonly { v: number | null; rel: number }[]): boolean {
  const spans = values.filter((x) => x.v !== null).map((
    x,
  ) => [x.v! - Math.abs(x.v!) * x.rel, x.v! + Math.abs(x.v!) * x.rel]).sort((a, b) => a[0] - b[0]);
  return spans.every((s, i) => i === 0 || spans[i - 1][1] < s[0]);
}
