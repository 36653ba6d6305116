import type { Executor, Row } from "../db/db.ts";
import { ropResult } from "../analysis/rop.ts";
import type { RopGroup, RopGroupBy, RopResult, RopSort, RopStats } from "../analysis/rop.ts";
import { quantileOfSorted, quantileRanks } from "../analysis/stats.ts";
import {
  figureRowsSql,
  oddTextSql,
  oddWellsSql,
  orderSure,
  ratioSlack,
  shownSame,
  sumSlack,
} from "./analysis-sql.ts";
import { ROP_SUMS, ropMeans, sqlNumber } from "./rop-sums.ts";
import type { DailyFilter } from "./daily-filter.ts";
import { dailyWhere } from "./daily-where.ts";
import type { Where } from "./daily-where.ts";

// Unary + (a no-op on the value) keeps SQLite from scanning an index of the group column for its
// order instead of the covering index: the sort by group and ROP is needed anyway.
const GROUP_COLUMN: Record<RopGroupBy, string> = {
  formation: "+d.formation",
  bit_type: "+d.bit_type",
  well_id: "+d.well_id",
};
const PS = [0.5, 0.1, 0.9] as const;
const PICKS = PS.flatMap((_, i) => [`q${i}lo`, `q${i}hi`]);

// Sums per group and ROP value (the one sort of the selected rows), then per group, and over all.
const SUMS: readonly (readonly [string, string])[] = [
  ["metres", "sum(f)"],
  ["hours", "sum(h)"],
  ...ROP_SUMS,
  ["odd", "sum(odd)"],
];
const ADDED = SUMS.map(([name]) => `sum(${name}) AS ${name}`).join(", ");

// The order statistics quantile() reads, picked from the ROP values' running counts: for each p,
// the 0-based ranks ⌊(n−1)p⌋ and the one after it (capped at n−1), as quantileRanks computes them.
function rankPicks(n: string): string {
  return PS.flatMap((p, i) => {
    const lo = `CAST((${n} - 1) * ${p} AS INTEGER)`;
    const at = (rank: string) =>
      `max(CASE WHEN ${rank} < upto AND ${rank} >= upto - c THEN rop END)`;
    return [`${at(lo)} AS q${i}lo`, `${at(`min(${lo} + 1, ${n} - 1)`)} AS q${i}hi`];
  }).join(", ");
}

/** The SQL and arguments of {@link ropSql}'s query (exported for its query-plan test). */
export function ropQuery(
  filter: DailyFilter,
  by: RopGroupBy,
): { sql: string; args: Where["args"] } {
  // The group text is checked once per group (every row of a group has the same value), not per row.
  const rows = figureRowsSql(filter, [`${GROUP_COLUMN[by]} AS g`], []);
  const wells = oddWellsSql(filter);
  // Groups are ordered by the first row met (well, date): the least well is found while the rows
  // are grouped, its first date in the group then from the index (cheaper than a text per row).
  const firstWhere = dailyWhere(filter, "o");
  // The total's odd also counts the wells whose id is not plain (checked once per well).
  const totalSums = ADDED.replace("sum(odd) AS odd", `coalesce(sum(odd), 0) + ${wells.sql} AS odd`);
  const sql = `WITH ${rows.sql},
  hg AS (SELECT g, rop, count(*) AS c, ${
    SUMS.map(([name, expr]) => `${expr} AS ${name}`).join(", ")
  }, min(w) AS fw FROM fig GROUP BY g, rop),
  a0 AS (SELECT g, sum(c) AS rows, coalesce(sum(CASE WHEN rop IS NOT NULL THEN c END), 0) AS with_rop, ${
    ADDED.replace("sum(odd) AS odd", `coalesce(sum(odd), 0) + (${oddTextSql("g")}) AS odd`)
  }, min(fw) AS fw FROM hg GROUP BY g),
  a AS (SELECT g, rows, with_rop, ${SUMS.map(([name]) => name).join(", ")},
    (SELECT o.well_id || char(1) || min(o.report_date) FROM drilling_daily o INDEXED BY drilling_daily_figures WHERE o.well_id = a0.fw AND ${
    GROUP_COLUMN[by].replace("d.", "o.")
  } IS a0.g AND ${firstWhere.sql}) AS first FROM a0),
  hc AS (SELECT g, rop, c, sum(c) OVER (PARTITION BY g ORDER BY rop ROWS UNBOUNDED PRECEDING) AS upto FROM hg WHERE rop IS NOT NULL),
  b AS (SELECT hc.g, ${rankPicks("a.with_rop")} FROM hc JOIN a ON a.g IS hc.g GROUP BY hc.g),
  ht AS (SELECT rop, sum(c) AS c FROM hg WHERE rop IS NOT NULL GROUP BY rop),
  hu AS (SELECT rop, c, sum(c) OVER (ORDER BY rop ROWS UNBOUNDED PRECEDING) AS upto FROM ht),
  t AS (SELECT sum(rows) AS rows, sum(with_rop) AS with_rop, ${totalSums} FROM a)
  SELECT 1 AS kind, a.*, ${PICKS.map((c) => `b.${c}`).join(", ")} FROM a LEFT JOIN b ON b.g IS a.g
  UNION ALL
  SELECT 0, NULL, t.*, NULL, u.* FROM t, (SELECT ${rankPicks("(SELECT with_rop FROM t)")} FROM hu) u
  ORDER BY kind, first`;
  return { sql, args: [...rows.args, ...firstWhere.args, ...wells.args] };
}

function stats(r: Row): RopStats {
  const n = Number(r.with_rop);
  const means = ropMeans(r);
  const quantile = (i: number) => {
    const p = PS[i];
    const [lo, hi] = quantileRanks(n, p);
    const picked = new Map([[lo, r[`q${i}lo`]], [hi, r[`q${i}hi`]]]);
    return quantileOfSorted(n, p, (rank) => {
      const v = picked.get(rank);
      if (typeof v !== "number") throw new Error(`ROP rank ${rank} of ${n} was not picked in SQL`);
      return v;
    });
  };
  return {
    rows: Number(r.rows),
    rows_with_rop: n,
    rows_without_rop: Number(r.rows) - n,
    metres_drilled_m: sqlNumber(r.metres),
    on_bottom_hours_h: sqlNumber(r.hours),
    rop_footage_weighted_m_h: means.weighted,
    rop_time_based_m_h: means.timeBased,
    rop_median_m_h: quantile(0),
    rop_p10_m_h: quantile(1),
    rop_p90_m_h: quantile(2),
  };
}

/**
 * ropByGroup's RopResult over the rows `where` selects, added up in SQL (one pass over the
 * covering index of migration 009, no row reaching JavaScript), and how many rows it covers; or
 * null when a selected row is not plain (see lib/data/analysis-sql.ts): then the caller reads the rows.
 */
export async function ropSql(
  db: Executor,
  filter: DailyFilter,
  by: RopGroupBy,
  sort: RopSort,
): Promise<{ result: RopResult; rows: number } | null> {
  const { sql, args } = ropQuery(filter, by);
  const rs = await db.execute(sql, args);
  const total = rs.rows.find((r) => Number(r.kind) === 0)!;
  if (Number(total.odd ?? 0) > 0) return null;
  const groups = rs.rows.filter((r) => Number(r.kind) === 1).map((r): RopGroup => ({
    group: r.g === null ? null : String(r.g),
    ...stats(r),
  }));
  const all = stats(total);
  if (!surelyShownSame([...groups, all], sort)) return null;
  return { result: ropResult(by, groups, all, sort), rows: Number(total.rows) };
}

// Sums in SQL may differ from JavaScript's in their last bits (see sumSlack): the SQL figures are
// used only when every figure is shown the same and the groups' order cannot differ.
function surelyShownSame(stats: readonly RopStats[], sort: RopSort): boolean {
  const shown = stats.every((s) =>
    shownSame(s.metres_drilled_m, sumSlack(s.rows)) &&
    shownSame(s.on_bottom_hours_h, sumSlack(s.rows)) &&
    shownSame(s.rop_footage_weighted_m_h, ratioSlack(s.rows)) &&
    shownSame(s.rop_time_based_m_h, ratioSlack(s.rows))
  );
  const groups = stats.slice(0, -1);
  // The headline ranks by the weighted mean whatever the sort; "metres" sorts by metres.
  return shown &&
    orderSure(groups.map((s) => ({ v: s.rop_footage_weighted_m_h, rel: ratioSlack(s.rows) }))) &&
    (sort !== "metres" ||
      orderSure(groups.map((s) => ({ v: s.metres_drilled_m, rel: sumSlack(s.rows) }))));
}
