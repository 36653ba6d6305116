import type { Executor } from "../db/db.ts";
import type { GrantedScope } from "./data-scope.ts";
import { sqlIdentifier, sqlString, visibleWellSql } from "./visible-sql.ts";

/** A table a scoped statement sees through a CTE of the same name: its visible rows only. */
export interface ShadowTable {
  /** Lower-case table (or view) name. */
  readonly name: string;
  /** The CTE body, reading the real table as `main.<name>`. */
  readonly body: string;
  /** The table has a `well_id` column (writes to it are checked). */
  readonly keyed: boolean;
}

/** Tables that hold no well data and stay readable as they are. */
export const WELL_FREE_TABLES: readonly string[] = ["schema_migrations"];

/**
 * Every table and view of the database as a scoped caller sees it, found from the schema
 * on each call so a table added later is covered without a code change:
 * - a table with a `well_id` column: the rows of visible wells;
 * - `record_history`: versions of rows of visible wells (both before and after);
 * - `daily_npt`: the NPT of visible wells' reports (keyed by report id);
 * - any other table except {@link WELL_FREE_TABLES}: empty (fail closed: a new table
 *   holding well data under another column name is hidden until it is taught here).
 */
export async function shadowTables(db: Executor, scope: GrantedScope): Promise<ShadowTable[]> {
  const rs = await db.execute(
    `SELECT m.name AS name, EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'well_id') AS keyed
     FROM sqlite_master m WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name`,
  );
  const tables = rs.rows.map((r) => ({ name: String(r.name), keyed: Number(r.keyed) === 1 }));
  const keyed = tables.filter((t) => t.keyed).map((t) => t.name);
  const out: ShadowTable[] = [];
  for (const { name, keyed: hasWell } of tables) {
    if (WELL_FREE_TABLES.includes(name.toLowerCase())) continue;
    const from = `SELECT * FROM main.${sqlIdentifier(name)}`;
    let where = "0";
    if (hasWell) where = visibleWellSql(scope, "well_id");
    else if (name.toLowerCase() === "daily_npt") {
      // Each report's derived NPT (lib/data/daily-npt.ts) is keyed by report id: visible with its report.
      where = `report_id IN (SELECT r.id FROM main.drilling_daily r WHERE ${
        visibleWellSql(scope, "r.well_id")
      })`;
    } else if (name.toLowerCase() === "record_history") {
      const side = (col: string) =>
        `(${col} IS NULL OR ${visibleWellSql(scope, `json_extract(${col}, '$.well_id')`)})`;
      where = `table_name IN (${keyed.map(sqlString).join(", ") || "NULL"}) AND ${
        side("before_json")
      } AND ${side("after_json")}`;
    }
    out.push({ name: name.toLowerCase(), body: `${from} WHERE ${where}`, keyed: hasWell });
  }
  return out;
}
