import type { Executor } from "../db/db.ts";

/** The well master spud dates (`YYYY-MM-DD`) of `wellIds`, where recorded. */
export async function masterSpudDates(
  db: Executor,
  wellIds: readonly string[],
): Promise<Map<string, string>> {
  if (wellIds.length === 0) return new Map();
  const rs = await db.execute(
    `SELECT well_id, spud_date FROM wells WHERE deleted_at IS NULL AND spud_date IS NOT NULL AND well_id IN (${
      wellIds.map(() => "?").join(", ")
    })`,
    [...wellIds],
  );
  return new Map(rs.rows.map((r) => [String(r.well_id), String(r.spud_date)]));
}
