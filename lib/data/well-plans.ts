import type { PlanPoint } from "../analysis/curve.ts";
import type { Executor } from "../db/db.ts";

/** The plan points (days since spud, planned depth) of each of `wellIds` that has a plan, by day. */
export async function planPoints(
  db: Executor,
  wellIds: readonly string[],
): Promise<Map<string, PlanPoint[]>> {
  const plans = new Map<string, PlanPoint[]>();
  if (wellIds.length === 0) return plans;
  const rs = await db.execute(
    `SELECT well_id, day, depth_m FROM well_plans WHERE well_id IN (${
      wellIds.map(() => "?").join(", ")
    }) ORDER BY well_id, day`,
    [...wellIds],
  );
  for (const r of rs.rows) {
    const id = String(r.well_id);
    const list = plans.get(id) ?? [];
    plans.set(id, list);
    list.push({ day: Number(r.day), depth_m: Number(r.depth_m) });
  }
  return plans;
}
