import type { Executor } from "../db/db.ts";

const PER_QUERY = 500;

/** Which of `wellIds` are live wells of the well master (exact id match, as query tools flag it). */
export async function wellsInMaster(db: Executor, wellIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(wellIds)];
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += PER_QUERY) {
    const part = ids.slice(i, i + PER_QUERY);
    const rs = await db.execute(
      `SELECT well_id FROM wells WHERE deleted_at IS NULL AND well_id IN (${
        part.map(() => "?").join(", ")
      })`,
      part,
    );
    for (const r of rs.rows) found.add(String(r.well_id));
  }
  return found;
}
