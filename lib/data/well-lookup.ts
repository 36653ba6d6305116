import type { Executor } from "../db/db.ts";
import type { WellLookup } from "../words/well-id.ts";

// Every table that names wells: a report of a well missing from the master must still resolve.
const SOURCES = ["wells", "drilling_daily", "key_well_daily", "pre_drilling"] as const;

function union(condition: string): string {
  return SOURCES.map((t) =>
    `SELECT well_id, well_key FROM ${t} WHERE ${condition} AND deleted_at IS NULL`
  ).join(" UNION ");
}

async function ids(
  db: Executor,
  sql: string,
  args: Record<string, string | number>,
): Promise<string[]> {
  return (await db.execute(sql, args)).rows.map((r) => String(r.well_id));
}

/**
 * The `WellLookup` of the database: indexed searches on the `well_key` columns that
 * migration 003 keeps on the well master and every daily table, and on the master's
 * `name_key` for names. Shortest key first, then key order, like the in-memory lookup.
 */
export function createSqlWellLookup(db: Executor): WellLookup {
  const order = "ORDER BY length(well_key), well_key, well_id";
  // The first `:limit` wells whose key meets `condition` (DISTINCT: a key may be in many tables).
  const firstMatches = (condition: string, args: Record<string, string | number>) =>
    ids(
      db,
      `SELECT DISTINCT well_id, well_key FROM (${union(condition)}) ${order} LIMIT :limit`,
      args,
    );
  return {
    byKey: (key) =>
      ids(db, `SELECT well_id, well_key FROM (${union("well_key = :key")}) ${order}`, { key }),
    // Prefix as a range (BINARY order of UTF-8), so the index serves it; U+10FFFF sorts last.
    byKeyPrefix: (prefix, limit) =>
      firstMatches("well_key >= :lo AND well_key < :hi", {
        lo: prefix,
        hi: `${prefix}\u{10FFFF}`,
        limit,
      }),
    byKeyContains: (part, limit) => firstMatches("instr(well_key, :part) > 0", { part, limit }),
    byName: (name, limit) =>
      ids(
        db,
        `SELECT well_id, well_key FROM wells WHERE name_key = :name AND deleted_at IS NULL ${order} LIMIT :limit`,
        { name, limit },
      ),
  };
}
