/**
 * Version 10: the number of live drilling daily reports, kept by triggers (issue 16), so `/health`
 * answers total_records with one row read instead of counting a million rows on every call (also
 * while another process holds the write lock). The triggers count every insert, delete and change
 * of `deleted_at` by any writer (this process, another one, or an older version of it). Filled
 * from the stored rows when applied.
 */
export const MIGRATION_010 = {
  version: 10,
  name: "live_counts: live drilling daily reports, counted by triggers",
  statements: [
    `CREATE TABLE live_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID`,
    `INSERT INTO live_counts (name, n) SELECT 'drilling_daily', count(*) FROM drilling_daily WHERE deleted_at IS NULL`,
    `CREATE TRIGGER drilling_daily_live_insert AFTER INSERT ON drilling_daily WHEN NEW.deleted_at IS NULL BEGIN
      UPDATE live_counts SET n = n + 1 WHERE name = 'drilling_daily';
    END`,
    `CREATE TRIGGER drilling_daily_live_delete AFTER DELETE ON drilling_daily WHEN OLD.deleted_at IS NULL BEGIN
      UPDATE live_counts SET n = n - 1 WHERE name = 'drilling_daily';
    END`,
    `CREATE TRIGGER drilling_daily_live_update AFTER UPDATE ON drilling_daily WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
      UPDATE live_counts SET n = n + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END) WHERE name = 'drilling_daily';
    END`,
  ],
} as const;
