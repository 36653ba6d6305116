import type { Db } from "../../lib/db.ts";
import { insertStatements } from "../../lib/seed/index.ts";

/** Inserts wells and daily rows given as partial objects (other columns null). */
export async function insertFixture(db: Db, wells: Record<string, string | number | null>[], daily: Record<string, string | number | null>[]): Promise<void> {
  const fill = (rows: Record<string, string | number | null>[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
  };
  await db.batch([...insertStatements("wells", fill(wells)), ...insertStatements("drilling_daily", fill(daily))]);
}
