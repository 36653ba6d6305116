import { statSync, utimesSync } from "node:fs";
import process from "node:process";
import type { Db, ExportChunk, ExportChunkRequest, OpenDatabaseOptions } from "./db.ts";
import { openDatabase } from "./db.ts";
import { DatabaseMissingError, DatabaseShmError } from "./faults.ts";

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
 * A check that the WAL index `<path>-shm` can be written, before each use: its owner-write bit
 * and a utimes(2) to its own times (EPERM on an immutable file, even for root). Not open(2):
 * closing any descriptor of the file would drop SQLite's POSIX locks on it; not access(2):
 * Deno's ignores the immutable flag; not only when the ctime changed: Deno reports it in whole
 * seconds. Returns the problem (an error code), or null when it is fine or absent.
 */
function shmWatcher(path: string): () => string | null {
  const shm = `${path}-shm`;
  const uid = typeof process.getuid === "function" ? process.getuid() : -1;
  return () => {
    let s;
    try {
      s = statSync(shm);
    } catch {
      return null; // absent: SQLite creates it writable
    }
    if (uid !== 0 && s.uid === uid && (s.mode & 0o200) === 0) return "EACCES";
    if (uid !== 0 && s.uid !== uid) return null; // only its owner or root may set its times
    try {
      utimesSync(shm, s.atime, s.mtime);
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };
}

/**
 * Wraps a local-file Db so file faults are seen and healed: before each use the
 * file is looked at (one stat, and a stat and a utimes of its `-shm`). Gone → DatabaseMissingError (SQLite would go on
 * writing into the unlinked file, losing every write); replaced, e.g. restored
 * from a backup → the connection is reopened on the new file; an unwritable `-shm` (immutable,
 * read-only) → DatabaseShmError before SQLite can map it and die of SIGBUS. Other Db kinds are
 * returned as they are.
 */
export function guardDatabase(db: Db, options: OpenDatabaseOptions = {}): Db {
  const path = db.location.kind === "file" ? db.location.path : undefined;
  if (!path) return db;
  let current = db;
  let opened = identityOf(path);
  let reopening: Promise<Db> | null = null;
  const shmProblemOf = shmWatcher(path);
  const missing = () =>
    new DatabaseMissingError(
      `DATABASE_MISSING: 数据库文件 "${path}" 不存在 / the database file "${path}" is missing`,
    );
  const ready = async (): Promise<Db> => {
    const now = identityOf(path);
    if (now === null) throw missing();
    const shmProblem = shmProblemOf();
    if (shmProblem !== null) {
      throw new DatabaseShmError(
        `DATABASE_SHM_UNWRITABLE: 数据库的共享内存文件 "${path}-shm" 无法写入 (${shmProblem})，为免进程崩溃已拒绝访问；请去掉其不可变属性或只读权限（chattr -i、chmod u+w），恢复后自动继续 / ` +
          `the database's shared-memory file "${path}-shm" cannot be written (${shmProblem}), so the database is not touched (SQLite would crash the process); ` +
          "remove its immutable flag or read-only permission (chattr -i, chmod u+w): service resumes by itself",
      );
    }
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
    // Analyses run in the reader threads through the guard too (else they would run on this thread).
    ...(db.runJob
      ? { runJob: async (name: string, input: unknown) => runJobOn(await ready(), name, input) }
      : {}),
    ...(db.exportChunk
      ? { exportChunk: async (chunk: ExportChunkRequest) => exportChunkOn(await ready(), chunk) }
      : {}),
    close: () => current.close(),
  };
}

function runJobOn(db: Db, name: string, input: unknown): Promise<unknown> {
  if (!db.runJob) {
    throw new Error("数据库不能运行分析任务 / the reopened database cannot run analysis jobs");
  }
  return db.runJob(name, input);
}

function exportChunkOn(db: Db, chunk: ExportChunkRequest): Promise<ExportChunk> {
  if (!db.exportChunk) {
    throw new Error("数据库不能分页导出 / the reopened database cannot export pages");
  }
  return db.exportChunk(chunk);
}
