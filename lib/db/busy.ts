/** SQL that may write (or take the write lock): everything but a plain SELECT / EXPLAIN. */
export function mayWrite(sql: string): boolean {
  return !/^\s*(SELECT|EXPLAIN)\b/i.test(sql);
}

/** The error a write gets when the lock did not come free in time (classified as "locked" like SQLITE_BUSY). */
export function busyError(waitedMs: number): Error & { code: string } {
  return Object.assign(
    new Error(
      `SQLITE_BUSY: database is locked (waited ${waitedMs} ms for this process's other writes)`,
    ),
    { code: "SQLITE_BUSY" },
  );
}

/** Runs work one at a time in call order; `waitMs` bounds how long a piece may wait for its turn. */
export type SerialQueue = <T>(work: () => Promise<T>, waitMs: number) => Promise<T>;

/**
 * An async mutex for one Db's writes. The driver is synchronous: two connections
 * of one process contending for SQLite's write lock would block the event loop
 * (and so the holder) until the busy timeout, and a BEGIN that fails with BUSY
 * leaves its connection unable to commit. Serialising this process's writes
 * avoids both; the busy timeout still covers other processes. Work that is not
 * started within `waitMs` is dropped (never run late) and fails as locked.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>, waitMs: number) =>
    new Promise<T>((resolve, reject) => {
      let state: "waiting" | "started" | "dropped" = "waiting";
      const timer = setTimeout(() => {
        if (state === "waiting") (state = "dropped", reject(busyError(waitMs)));
      }, waitMs);
      const turn = tail.then(() => {
        clearTimeout(timer);
        if (state === "dropped") return;
        state = "started";
        return work().then(resolve, reject);
      });
      tail = turn.catch(() => {});
    });
}
