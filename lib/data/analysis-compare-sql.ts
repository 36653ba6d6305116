import type { Executor, Row } from "../db/db.ts";
import type { WellFigures } from "../analysis/compare.ts";
import { dayNumber } from "../analysis/record.ts";
import {
  figureRowsSql,
  oddNumberSql,
  oddTextSql,
  oddWellSql,
  ratioSlack,
  shownSame,
  sumSlack,
} from "./analysis-sql.ts";
import { ROP_SUMS, ropMeans, sqlNumber } from "./rop-sums.ts";
import type { DailyFilter } from "./daily-filter.ts";
import type { Where } from "./daily-where.ts";

// mseSI (lib/analysis/mse.ts) of a row, the same operations in the same order: Math.PI is the double
// 3.141592653589793, and SQLite's + − × ÷ on REAL values are the IEEE operations JavaScript does.
const D = "(d.bit_diameter_mm / 1000)";
const AREA = `((3.141592653589793 * ${D} * ${D}) / 4)`;
const MSE =
  `CASE WHEN d.wob_kn >= 0 AND d.bit_diameter_mm > 0 AND d.rpm >= 0 AND d.torque_kn_m >= 0 AND d.rop_m_h > 0
  THEN d.wob_kn / ${AREA} / 1000 + (120 * 3.141592653589793 * d.rpm * d.torque_kn_m) / (${AREA} * d.rop_m_h) / 1000 END`;

/** The SQL and arguments of {@link compareSql}'s query (exported for its query-plan test). */
export function compareQuery(filter: DailyFilter): { sql: string; args: Where["args"] } {
  const numbers = ["d.depth_m", "d.wob_kn", "d.bit_diameter_mm", "d.rpm", "d.torque_kn_m"];
  const rows = figureRowsSql(
    filter,
    ["d.depth_m AS depth", "d.spud_date AS spud", `${MSE} AS mse`],
    numbers.map(oddNumberSql),
  );
  // The spud text is checked once per well: when all its reports hold one text (min = max),
  // that text; a well with several is computed from its own rows (see figures).
  const spudOdd = `CASE WHEN min(spud) IS max(spud) THEN (${oddTextSql("min(spud)")}) ELSE 0 END`;
  const sql = `WITH ${rows.sql},
  a AS (SELECT w, count(*) AS rows, ${
    ROP_SUMS.map(([name, sum]) => `${sum} AS ${name}`).join(", ")
  },
      sum(mse) AS mse_sum, count(mse) AS mse_n,
      max(CASE WHEN depth IS NOT NULL THEN day END) AS last_day, min(CASE WHEN depth IS NOT NULL THEN day END) AS first_day,
      min(spud) AS spud_min, max(spud) AS spud_max, coalesce(sum(odd), 0) + ${
    oddWellSql("w")
  } + ${spudOdd} AS odd
    FROM fig GROUP BY w)
  SELECT a.*,
    (SELECT z.depth_m FROM drilling_daily z INDEXED BY drilling_daily_figures WHERE z.well_id = a.w AND z.report_date = a.last_day AND z.deleted_at IS NULL) AS last_depth,
    (SELECT m.spud_date FROM wells m WHERE m.well_id = a.w AND m.deleted_at IS NULL AND m.spud_date IS NOT NULL) AS master_spud
  FROM a ORDER BY a.w`;
  return { sql, args: [...rows.args] };
}

// The spud day drillingCurve uses (after compareJob filled a missing one from the well master), for
// a well whose rows carry one spud text or none (figures() leaves the others to the rows).
function spudDay(r: Row): number | null {
  const least = r.spud_min === null ? null : String(r.spud_min);
  const recorded = least === null ? null : dayNumber(least);
  if (recorded !== null) return recorded;
  const master = r.spud_max === null && r.master_spud !== null
    ? dayNumber(String(r.master_spud))
    : null;
  return master ?? (r.first_day === null ? null : dayNumber(String(r.first_day)));
}

// The figures summed in SQL, shown the same as JavaScript's whatever their last bits (see sumSlack).
function surelyShownSame(f: WellFigures, mseN: number): boolean {
  return shownSame(f.rop_m_h, ratioSlack(f.rows)) &&
    shownSame(f.rop_time_based_m_h, ratioSlack(f.rows)) &&
    shownSame(f.mean_mse_mpa, sumSlack(mseN) + 4 * 2 ** -53);
}

function figures(r: Row, nptShare: ReadonlyMap<string, number | null>): WellFigures | undefined {
  const well_id = String(r.w);
  // Several spud texts: SQL checked none of them (see compareQuery), the rows decide.
  if (r.spud_min !== r.spud_max) return undefined;
  const spud = spudDay(r);
  const last = r.last_day === null || spud === null ? null : dayNumber(String(r.last_day))! - spud;
  const depth = last === null ? null : sqlNumber(r.last_depth);
  const means = ropMeans(r);
  const mseN = Number(r.mse_n);
  return {
    well_id,
    rows: Number(r.rows),
    days: last,
    final_depth_m: depth,
    metres_per_day_m_d: last !== null && last > 0 ? depth! / last : null,
    rop_m_h: means.weighted,
    rop_time_based_m_h: means.timeBased,
    npt_share_pct: nptShare.get(well_id) ?? null,
    mean_mse_mpa: mseN > 0 ? sqlNumber(r.mse_sum)! / mseN : null,
  };
}

/**
 * Each selected well's figures as compareWells computes them from rows (drilling curve, ROP,
 * mean MSE; the NPT share from `nptShare`), added up in SQL in one pass over the covering index of
 * migration 009, wells by id; null when a selected row is not plain (lib/data/analysis-sql.ts):
 * then the caller reads the rows. A well whose spud texts need reading one by one, or whose SQL
 * sums could be shown differently, is computed from its own rows by `fromRows`.
 */
export async function compareSql(
  db: Executor,
  filter: DailyFilter,
  nptShare: ReadonlyMap<string, number | null>,
  fromRows: (wellId: string) => Promise<WellFigures>,
): Promise<{ wells: WellFigures[]; rows: number } | null> {
  const { sql, args } = compareQuery(filter);
  const rs = await db.execute(sql, args);
  if (rs.rows.some((r) => Number(r.odd) > 0)) return null;
  const wells: WellFigures[] = [];
  let rows = 0;
  for (const r of rs.rows) {
    const f = figures(r, nptShare);
    const sure = f && surelyShownSame(f, Number(r.mse_n)) ? f : await fromRows(String(r.w));
    wells.push(sure);
    rows += sure.rows;
  }
  return bestSure(wells) ? { wells, rows } : null;
}

// compareFigures marks as best the wells within 1e-9 (relative) of the best value: a well whose
// distance from it is that close to the limit could be marked differently from JavaScript's figures.
function bestSure(wells: readonly WellFigures[]): boolean {
  return (["rop_m_h", "mean_mse_mpa"] as const).every((c) => {
    const values = wells.flatMap((w) => (w[c] === null ? [] : [w[c]!]));
    const top = c === "rop_m_h" ? Math.max(...values) : Math.min(...values);
    const limit = 1e-9 * Math.max(1, Math.abs(top));
    return values.every((v) =>
      Math.abs(Math.abs(v - top) - limit) > 1e-12 * (Math.abs(v) + Math.abs(top))
    );
  });
}
