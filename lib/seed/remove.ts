import type { Db } from "../db/db.ts";
import { generateDemoData } from "./generate.ts";

/** What {@link removeDemoData} deleted, per table. */
export type RemovedDemo = Readonly<
  Record<"drilling_daily" | "key_well_daily" | "pre_drilling" | "well_plans" | "wells", number>
>;

const SEEDED_TABLES = ["drilling_daily", "key_well_daily", "pre_drilling", "well_plans"] as const;

/**
 * Deletes the demo data from a database, in one transaction: every row the seed wrote
 * (`created_by = 'demo-seed'`), then each demo well id that no remaining row refers to.
 * A real well that shares a demo well's id keeps its row and its data.
 */
export async function removeDemoData(db: Db): Promise<RemovedDemo> {
  const ids = generateDemoData().wells.map((w) => w.well_id);
  const marks = ids.map(() => "?").join(", ");
  const stillUsed = SEEDED_TABLES.map((t) =>
    `NOT EXISTS (SELECT 1 FROM ${t} WHERE ${t}.well_id = wells.well_id)`
  ).join(" AND ");
  const results = await db.batch([
    ...SEEDED_TABLES.map((t) => ({ sql: `DELETE FROM ${t} WHERE created_by = 'demo-seed'` })),
    { sql: `DELETE FROM wells WHERE well_id IN (${marks}) AND ${stillUsed}`, args: ids },
  ]);
  const [drilling_daily, key_well_daily, pre_drilling, well_plans, wells] = results.map((r) =>
    r.rowsAffected
  );
  return { drilling_daily, key_well_daily, pre_drilling, well_plans, wells };
}
