import type { Executor } from "../db.ts";
import { ANALYSIS_ROW_CAP, tooManyRows } from "./analysis-fetch.ts";
import type { DailyFilter } from "./daily-filter.ts";
import type { Where } from "./daily-where.ts";

// What lib/analysis reads from a drilling daily row and what SQL reads must be the same values.
// They are when every selected row is "plain": numbers stored as numbers of a sane size, dates
// as valid YYYY-MM-DD text, well ids and group names as text without the edge whitespace that
// the analyses' text()/trim() would strip (JavaScript trims more characters than SQLite's trim).
// The SQL of lib/data/analysis-rop-sql.ts and analysis-compare-sql.ts counts the rows that are
// not; any such row sends the analysis back to the rows read into JavaScript (the reference).

/** The code points String.prototype.trim strips (WhiteSpace and LineTerminator of ECMAScript). */
const JS_SPACE = [9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279];

/** SQL true when `text` (not NULL) starts or ends with a character String.prototype.trim strips, or is empty. */
function edgeSpace(text: string): string {
  const set = JS_SPACE.join(", ");
  return `(${text} = '' OR unicode(${text}) IN (${set}) OR unicode(substr(${text}, -1)) IN (${set}))`;
}

/** SQL true when the value of `column` is not a number the analyses read as the same number (or NULL). */
export function oddNumberSql(column: string): string {
  // Text, blobs, ±Infinity, and sizes where a product or quotient could overflow or underflow.
  return `NOT (${column} IS NULL OR (typeof(${column}) IN ('real', 'integer') AND (${column} = 0 OR abs(${column}) BETWEEN 1e-100 AND 1e100)))`;
}

/** SQL true when the value of `column` is neither NULL nor text that reads the same trimmed. */
export function oddTextSql(column: string): string {
  return `NOT (${column} IS NULL OR (typeof(${column}) = 'text' AND NOT ${edgeSpace(column)}))`;
}

/** SQL true when `column` holds a `YYYY-MM-DD` date dayNumber (lib/analysis/record.ts) accepts (text without spaces). */
export function validDateSql(column: string): string {
  return `(${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ${column} >= '0100' AND date(${column}) = ${column})`;
}

/** SQL true when the well id in `column` is not plain: not text, edge whitespace, or a character below U+0002 (the group-order key's separator). */
export function oddWellSql(column: string): string {
  return `NOT (typeof(${column}) = 'text' AND NOT ${edgeSpace(column)} AND instr(${column}, char(1)) = 0)`;
}

/**
 * SQL true when the text date `day` is the calendar day after the date `before` (both valid
 * `YYYY-MM-DD`): compared as text within a month, by date() only across a month's end.
 */
export function nextDaySql(day: string, before: string): string {
  return `(CASE WHEN substr(${before}, 1, 8) = substr(${day}, 1, 8) THEN substr(${day}, 9) - substr(${before}, 9) = 1 ELSE date(${day}, '-1 day') = ${before} END)`;
}

/**
 * The columns each selected row (drilling_daily `d`, filter `where`) gives the SQL analyses, in a
 * CTE `x` ordered by well and date: `w` well id, `day` report date, `rop` (ROP > 0, else NULL),
 * `f` (footage ≥ 0, else NULL), `h` (on-bottom hours by dailyOnBottomHours' rule: drilling_hours_h
 * ≥ 0, else the rise of on_bottom_hours_cum_h since the well's selected report of the calendar day
 * before, when 0–24 h), `odd` (1 when the row is not plain, see above), and `extra` columns.
 * Returns the CTE text (a `WITH` clause's body, without WITH) and its arguments.
 */
export function figureRowsSql(where: Where, extra: readonly string[], oddExtra: readonly string[]): { sql: string; args: Where["args"] } {
  const numbers = ["d.rop_m_h", "d.footage_m", "d.drilling_hours_h", "d.on_bottom_hours_cum_h"];
  const odd = [oddWellSql("d.well_id"), `NOT ${validDateSql("d.report_date")}`, ...numbers.map(oddNumberSql), ...oddExtra].join(" OR ");
  const sql = `r AS (
    SELECT d.well_id AS w, d.report_date AS day, d.rop_m_h AS rop0, d.footage_m AS f0, d.drilling_hours_h AS dh, d.on_bottom_hours_cum_h AS cum,
      lag(d.report_date) OVER win AS pday, lag(d.on_bottom_hours_cum_h) OVER win AS pcum, (${odd}) AS odd${extra.map((e) => `, ${e}`).join("")}
    FROM drilling_daily d WHERE ${where.sql}
    WINDOW win AS (PARTITION BY d.well_id ORDER BY d.report_date)
  ),
  x AS (
    SELECT r.*, CASE WHEN rop0 > 0 THEN rop0 END AS rop, CASE WHEN f0 >= 0 THEN f0 END AS f,
      CASE WHEN dh >= 0 THEN dh WHEN cum - pcum BETWEEN 0 AND 24 AND ${nextDaySql("day", "pday")} THEN cum - pcum END AS h
    FROM r
  )`;
  return { sql, args: where.args };
}

/** Throws the ToolError of tooManyRows when `where` selects more than `cap` rows (read up to cap + 1). */
export async function checkRowCap(db: Executor, filter: DailyFilter, where: Where, cap = ANALYSIS_ROW_CAP): Promise<number> {
  const rs = await db.execute(`SELECT count(*) AS n FROM (SELECT 1 FROM drilling_daily d WHERE ${where.sql} LIMIT ?)`, [...where.args, cap + 1]);
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
  const spans = values.filter((x) => x.v !== null).map((x) => [x.v! - Math.abs(x.v!) * x.rel, x.v! + Math.abs(x.v!) * x.rel]).sort((a, b) => a[0] - b[0]);
  return spans.every((s, i) => i === 0 || spans[i - 1][1] < s[0]);
}
