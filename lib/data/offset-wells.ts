import type { Executor } from "../db/db.ts";

/**
 * Offset wells (邻井): the live wells of the well master in the same block (区块) as
 * any of `wellIds`, the named wells included, by well id. Named wells missing from the
 * master or without a block are kept as they are.
 */
export async function offsetWells(db: Executor, wellIds: readonly string[]): Promise<string[]> {
  if (wellIds.length === 0) return [];
  const marks = wellIds.map(() => "?").join(", ");
  const rs = await db.execute(
    `SELECT well_id FROM wells WHERE deleted_at IS NULL AND block IN (
       SELECT block FROM wells WHERE deleted_at IS NULL AND block IS NOT NULL AND well_id IN (${marks}))
     ORDER BY well_id`,
    [...wellIds],
  );
  return [...new Set([...wellIds, ...rs.rows.map((r) => String(r.well_id))])];
}
