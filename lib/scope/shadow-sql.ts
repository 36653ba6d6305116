import type { ShadowTable } from "./shadow-tables.ts";
import type { SqlShape } from "./sql-shape.ts";
import { sqlIdentifier } from "./visible-sql.ts";

/** Column names the write guard adds to RETURNING (removed from the rows handed back). */
export const GUARD_WELL = "__scope_well";
/** See {@link GUARD_WELL}. */
export const GUARD_ROWID = "__scope_rowid";

/**
 * Prefixes `sql` with CTEs named like the tables it mentions, so every unqualified read of
 * such a table, in subqueries and joins too, sees only the visible rows (SQLite resolves a
 * table name to a CTE of that name first). Merges into the statement's own WITH
 * (RECURSIVE) clause. Write targets are never shadowed by SQLite, which is why writes get
 * {@link guardReturning}. Throws for a statement of another kind that names a shadowed
 * table (EXPLAIN, PRAGMA, CREATE … AS): fail closed rather than read around the scope.
 */
export function shadowSql(sql: string, shape: SqlShape, tables: readonly ShadowTable[]): string {
  const used = tables.filter((t) => shape.names.has(t.name));
  if (used.length === 0) return sql;
  if (shape.verb === "OTHER") {
    throw new Error(
      `scoped executor: refusing a statement that is not SELECT/INSERT/UPDATE/DELETE and reads ${
        used.map((t) => `"${t.name}"`).join(", ")
      }: "${sql.slice(0, 80)}"`,
    );
  }
  const ctes = used.map((t) => `${sqlIdentifier(t.name)} AS (${t.body})`).join(",\n  ");
  if (shape.with) {
    return `WITH ${shape.with.recursive ? "RECURSIVE " : ""}${ctes},\n  ${
      sql.slice(shape.with.bodyStart)
    }`;
  }
  return `WITH ${ctes}\n${sql}`;
}

/** Adds the write guard's columns (the written rows' well and rowid) to the statement's RETURNING. */
export function guardReturning(sql: string, shape: SqlShape): string {
  const trimmed = sql.replace(/[\s;]+$/, "");
  const cols = `well_id AS ${GUARD_WELL}, rowid AS ${GUARD_ROWID}`;
  return shape.returning ? `${trimmed},\n  ${cols}` : `${trimmed}\nRETURNING ${cols}`;
}
