import type { Db } from "../../lib/db/db.ts";
import { refreshReportNpt } from "../../lib/data/daily-npt.ts";
import { insertStatements } from "../../lib/seed/index.ts";

/** Inserts wells and daily rows given as partial objects (other columns null), their NPT derived as every writer does. */
export async function insertFixture(
  db: Db,
  wells: Record<string, string | number | null>[],
  daily: Record<string, string | number | null>[],
): Promise<void> {
  const fill = (rows: Record<string, string | number | null>[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
  };
  await db.transaction(async (tx) => {
    for (
      const s of [
        ...insertStatements("wells", fill(wells)),
        ...insertStatements("drilling_daily", fill(daily)),
      ]
    ) await tx.execute(s.sql, s.args);
    await refreshReportNpt(
      tx,
      (await tx.execute("SELECT id FROM drilling_daily")).rows.map((r) => Number(r.id)),
    );
  });
}
