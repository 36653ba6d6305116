/**
 * Version 5: data-scope grants (issue 9). A user (by X-User-ID, email kept for display) or a
 * permission role is granted a block (区块, as in the well master) or a single well. One row
 * per grant; a revoke deletes the row (the change is kept in record_history).
 */
export const MIGRATION_005 = {
  version: 5,
  name: "access grants: blocks and wells per user or role",
  statements: [
    `CREATE TABLE access_grants (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'role')),
      principal TEXT NOT NULL,
      email TEXT,
      grant_kind TEXT NOT NULL CHECK (grant_kind IN ('block', 'well')),
      value TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      granted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    )`,
    `CREATE UNIQUE INDEX access_grants_natural_key ON access_grants (principal_kind, principal, grant_kind, value)`,
  ],
} as const;
