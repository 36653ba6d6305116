/**
 * Version 4: the planned days-versus-depth curve of each well (钻井设计进度), one row per
 * plan point: `day` is days since spud, `depth_m` the measured depth planned by then.
 * (Versions 2 and 3 are other branches' migrations; each version applies on its own.)
 */
export const MIGRATION_004 = {
  version: 4,
  name: "well plans (planned days vs depth)",
  statements: [
    `CREATE TABLE well_plans (
      well_id TEXT NOT NULL,
      day REAL NOT NULL CHECK (day >= 0),
      depth_m REAL NOT NULL CHECK (depth_m >= 0),
      phase TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      PRIMARY KEY (well_id, day)
    )`,
  ],
} as const;
