/**
 * Schema migrations: numbered, applied in order at start, each once.
 *
 * @module
 */
import type { Db } from "../db.ts";
import { MIGRATION_001 } from "./001-initial.ts";
import { MIGRATION_002 } from "./002-audit-log.ts";
import { MIGRATION_003 } from "./003-field-tables.ts";
import { MIGRATION_004 } from "./004-well-plans.ts";
import { MIGRATION_005 } from "./005-access-grants.ts";
import { MIGRATION_006 } from "./006-drilling-activities.ts";
import { MIGRATION_007 } from "./007-daily-npt.ts";
import { MIGRATION_008 } from "./008-report-figures.ts";
import { MIGRATION_009 } from "./009-analysis-index.ts";
import { MIGRATION_010 } from "./010-live-count.ts";
import type { Executor } from "../db.ts";

/** A versioned schema change; applied once, in order, inside one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  /** Data the statements cannot derive in SQL, filled in the same transaction after them. */
  readonly backfill?: (tx: Executor) => Promise<void>;
}

/** Every migration, oldest first. Append new ones; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_001,
  MIGRATION_002,
  MIGRATION_003,
  MIGRATION_004,
  MIGRATION_005,
  MIGRATION_006,
  MIGRATION_007,
  MIGRATION_008,
  MIGRATION_009,
  MIGRATION_010,
];

/**
 * Brings the schema up to the newest version, recording each applied version in
 * `schema_migrations`. Returns the versions it applied.
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db.execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`);
  const applied = new Set(
    (await db.execute("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)),
  );
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    try {
      const record = {
        sql: "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
        args: [m.version, m.name],
      };
      const { backfill } = m;
      if (backfill) {
        await db.transaction(async (tx) => {
          for (const sql of m.statements) await tx.execute(sql);
          await backfill(tx);
          await tx.execute(record.sql, record.args);
        });
      } else {
        await db.batch([...m.statements.map((sql) => ({ sql })), record]);
      }
      done.push(m.version);
    } catch (error) {
      // Another instance sharing this database may have applied it a moment ago.
      const again = await db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", [
        m.version,
      ]);
      if (again.rows.length === 0) throw error;
    }
  }
  return done;
}
