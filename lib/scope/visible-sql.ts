import type { GrantedScope } from "./data-scope.ts";

/** A SQL string literal: single quotes doubled, so any text is safe inline (SQLite has no backslash escapes). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A double-quoted SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function list(values: readonly string[]): string {
  return values.map(sqlString).join(", ");
}

/**
 * The SQL condition "the well in `column` is visible in `scope`": a granted single well, or
 * a well the master puts in a granted block (soft-deleted master rows count, so a deleted
 * well of the block can still be restored). A report of a well missing from the master is
 * visible only through a well grant. No grants: `0` (nothing).
 */
export function visibleWellSql(scope: GrantedScope, column: string): string {
  const parts: string[] = [];
  if (scope.wells.length) parts.push(`${column} IN (${list(scope.wells)})`);
  if (scope.blocks.length) {
    parts.push(
      `${column} IN (SELECT g.well_id FROM main.wells g WHERE g.block IN (${list(scope.blocks)}))`,
    );
  }
  return parts.length ? `(${parts.join(" OR ")})` : "0";
}
