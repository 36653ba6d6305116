/**
 * Version 7: the day's activities under each drilling daily report (issue 20), columns as in
 * lib/schema/drilling-activities.ts. Linked to the report by its natural key (well, day), so a
 * report deleted and restored keeps its activities; one live row per well, day and start.
 * (Version 6 is another branch's migration; each version applies on its own.)
 */
export const MIGRATION_006 = {
  version: 6,
  name: "drilling activities (hour-by-hour lines of a daily report)",
  statements: [
    `CREATE TABLE drilling_activities (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      well_id TEXT NOT NULL,
      report_date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT, utc_offset TEXT, hours REAL, depth_m REAL,
      phase TEXT, activity_code TEXT, state TEXT, state_detail TEXT, comment TEXT, source TEXT,
      created_by TEXT, updated_by TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      deleted_at TEXT
    )`,
    `CREATE UNIQUE INDEX drilling_activities_natural_key ON drilling_activities (well_id, report_date, start_time) WHERE deleted_at IS NULL`,
  ],
} as const;
