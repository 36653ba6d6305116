/**
 * Demo data: a generated field (wells, daily reports, key-well reports, plans), only ever
 * written into a brand-new database, and its removal.
 *
 * @module
 */
import type { Db, SqlValue, Statement } from "../db/db.ts";
import { generateDemoData } from "./generate.ts";
import type { DemoOptions } from "./generate.ts";
import { generateDemoPlans } from "./plan.ts";
import { refreshReportNpt } from "../data/daily-npt.ts";

/** Builds multi-row INSERT statements for `rows` (all with the same keys), `chunk` rows each. */
export function insertStatements(
  table: string,
  rows: readonly Record<string, SqlValue>[],
  chunk = 200,
): Statement[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${
        part.map(() => tuple).join(", ")
      }`,
      args: part.flatMap((row) => columns.map((c) => row[c] ?? null)),
    });
  }
  return statements;
}

/**
 * Fills an empty database with the deterministic demo data (wells, daily reports, well plans), in one transaction.
 * Does nothing (returns 0) when any well already exists.
 */
export async function seedDemoData(db: Db, options: DemoOptions = {}): Promise<number> {
  const existing = await db.execute("SELECT EXISTS (SELECT 1 FROM wells) AS any_well");
  if (Number(existing.rows[0].any_well)) return 0;
  const data = generateDemoData(options);
  const by = <T extends Record<string, SqlValue>>(rows: T[]) =>
    rows.map((row) => ({ ...row, created_by: "demo-seed" }));
  const statements = [
    ...insertStatements("wells", data.wells),
    ...insertStatements("drilling_daily", by(data.daily)),
    ...insertStatements("key_well_daily", by(data.key_well_daily)),
    ...insertStatements("pre_drilling", by(data.pre_drilling)),
    ...insertStatements("well_plans", by(generateDemoPlans(data.wells))),
  ];
  await db.transaction(async (tx) => {
    for (const s of statements) await tx.execute(s.sql, s.args);
    const ids = (await tx.execute("SELECT id FROM drilling_daily")).rows.map((r) => Number(r.id));
    await refreshReportNpt(tx, ids);
  });
  const daily = data.daily;
  return daily.length;
}
