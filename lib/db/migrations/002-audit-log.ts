/** Version 2: the audit log, one row per tool call or refused identity, in the same database as the data. */
export const MIGRATION_002 = {
  version: 2,
  name: "audit log",
  statements: [
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      transport TEXT NOT NULL,
      user_id TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
      role_raw TEXT NOT NULL DEFAULT '', role TEXT,
      tool TEXT NOT NULL, arguments TEXT, arguments_bytes INTEGER NOT NULL DEFAULT 0,
      outcome TEXT NOT NULL, message TEXT, duration_ms REAL NOT NULL DEFAULT 0
    )`,
    `CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`,
    `CREATE INDEX audit_log_user ON audit_log (user_id, at DESC)`,
    `CREATE INDEX audit_log_email ON audit_log (email, at DESC)`,
    `CREATE INDEX audit_log_tool ON audit_log (tool, at DESC)`,
    `CREATE INDEX audit_log_outcome ON audit_log (outcome, at DESC)`,
  ],
} as const;
