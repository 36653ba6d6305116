import { statSync } from "node:fs";
import type { Db, OpenDatabaseOptions } from "./db.ts";
import { openDatabase } from "./db.ts";
import { DatabaseMissingError } from "./db-faults.ts";

type Identity = string | null;

function identityOf(path: string): Identity {
  try {
    const s = statSync(path);
    return s.isFile() ? `${s.dev}:${s.ino}` : `not-a-file:${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Wraps a local-file Db so file faults are seen and healed: before each use the
 * file is looked at (one stat). Gone → DatabaseMissingError (SQLite would go on
 * writing into the unlinked file, losing every write); replaced, e.g. restored
 * from a backup → the connection is reopened on the new file. Other Db kinds are
 * returned as they are.
 */
export function guardDatabase(db: Db, options: OpenDatabaseOptions = {}): Db {
  const path = db.location.kind === "file" ? db.location.path : undefined;
  if (!path) return db;
  let current = db;
  let opened = identityOf(path);
  let reopening: Promise<Db> | null = null;
  const missing = () =>
    new DatabaseMissingError(`DATABASE_MISSING: 数据库文件 "${path}" 不存在 / the database file "${path}" is missing`);
  const ready = async (): Promise<Db> => {
    const now = identityOf(path);
    if (now === null) throw missing();
    if (now === opened) return current;
    reopening ??= (async () => {
      const old = current;
      const fresh = await openDatabase(db.location, options);
      current = fresh;
      opened = now;
      old.close();
      return fresh;
    })().finally(() => (reopening = null));
    return reopening;
  };
  return {
    location: db.location,
    execute: async (sql, args) => (await ready()).execute(sql, args),
    batch: async (statements) => (await ready()).batch(statements),
    transaction: async (work) => (await ready()).transaction(work),
    close: () => current.close(),
  };
}
