/**
 * Another program holding a database file's write lock, for tests of what waits on it.
 * @module
 */
import { openDatabase } from "../../lib/db/db.ts";

/** A write lock held by a connection of its own until {@link HeldWriteLock.release}. */
export interface HeldWriteLock {
  /** Lets the lock go and closes the connection; safe to call more than once. */
  release(): Promise<void>;
}

/**
 * Opens its own connection to the database file at `path` and resolves once a write transaction
 * on it holds the write lock (it has inserted a row into record_history, committed on release as
 * any other program's write would be).
 */
export async function holdWriteLock(path: string): Promise<HeldWriteLock> {
  const other = await openDatabase({ url: `file:${path}`, kind: "file", path }, {
    busyTimeoutMs: 60_000,
  });
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  let locked = () => {};
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holding = other.transaction(async (tx) => {
    await tx.execute(
      "INSERT INTO record_history (table_name, record_id, action, changed_by) VALUES ('t', 't', 't', 't')",
    );
    locked();
    await held;
  });
  await lockTaken;
  let released: Promise<void> | undefined;
  return {
    release: () => (released ??= (async () => {
      letGo();
      await holding;
      other.close();
    })()),
  };
}
