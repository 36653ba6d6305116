/** What kind of database fault an error is, or null for any other error. */
export type DbFault = "missing" | "readonly" | "locked" | "corrupt" | "unavailable";

/** Thrown by the guarded database when its file is gone (see lib/db/guard.ts). */
export class DatabaseMissingError extends Error {
  override name = "DatabaseMissingError";
  readonly code = "DATABASE_MISSING";
}

/**
 * Thrown by the guarded database, before SQLite touches the file, when the WAL index (`-shm`)
 * exists but cannot be opened for writing (immutable, read-only): SQLite would map it
 * read-only and the process would die of SIGBUS on the next access.
 */
export class DatabaseShmError extends Error {
  override name = "DatabaseShmError";
  readonly code = "DATABASE_SHM_UNWRITABLE";
}

/** Classifies a driver error by its SQLite code (`SQLITE_BUSY`, `SQLITE_READONLY`, …) or message. */
export function dbFaultOf(error: unknown): DbFault | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = `${typeof e?.code === "string" ? e.code : ""} ${
    typeof e?.message === "string" ? e.message : ""
  }`;
  if (/DATABASE_MISSING/.test(code)) return "missing";
  if (/SQLITE_READONLY|readonly database/i.test(code)) return "readonly";
  if (/SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(code)) return "locked";
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed/i.test(code)) return "corrupt";
  if (/DATABASE_SHM_UNWRITABLE|SQLITE_CANTOPEN|SQLITE_IOERR|unable to open|disk I\/O/i.test(code)) {
    return "unavailable";
  }
  return null;
}

const MESSAGES: Readonly<Record<DbFault, string>> = {
  missing:
    "数据库文件不存在（被移走或删除），请恢复该文件；恢复后服务自动重连 / the database file is missing (moved or deleted): restore it; the server reconnects by itself",
  readonly:
    "数据库为只读，无法写入：请检查文件与目录的写权限或磁盘挂载 / the database is read-only: check write permission on the file and its directory, or the mount",
  locked:
    "数据库被其他程序锁定，请稍后重试 / the database is locked by another program: retry in a moment",
  corrupt:
    "数据库文件已损坏或不是数据库，请从备份恢复 / the database file is corrupt or not a database: restore it from a backup",
  unavailable:
    "无法读写数据库文件，请检查路径、权限（含只读挂载、不可变属性）和磁盘空间 / the database file cannot be opened, read or written: check the path, permissions (read-only mounts and immutable files too) and free disk space",
};

/** A bilingual, actionable message for a database fault (null when `error` is not one). */
export function dbFaultMessage(error: unknown): string | null {
  const fault = dbFaultOf(error);
  return fault ? `${MESSAGES[fault]} (${(error as Error)?.message ?? String(error)})` : null;
}
