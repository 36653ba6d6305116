import { clearTimeout, setTimeout } from "node:timers";
import type { Worker } from "node:worker_threads";
import type { DatabaseLocation } from "../config/config.ts";
import type {
  Db,
  Executor,
  ExportChunk,
  OpenDatabaseOptions,
  QueryResult,
  Statement,
} from "./db.ts";
import { mayWrite } from "./busy.ts";
import type { DbReply, DbRequest, DbWorkerData } from "./wire.ts";
import { fromWireError, toWireError } from "./wire.ts";
import { startDbWorker } from "./worker-entry.ts";
import { turnBatcher } from "./turn-batch.ts";

/** Reader threads of a file when not configured (DB_READERS). */
export const DEFAULT_READERS = 2;

/** How long the reader threads may all sit idle before they are stopped, ms (each is a V8 isolate, 10–15 MB). */
export const READER_IDLE_MS = 30_000;

/** {@link openThreadedDatabase}'s options: the database's, and how long idle readers live. */
export interface ThreadedOptions extends OpenDatabaseOptions {
  /** Idle time after which the reader threads are stopped, ms (default {@link READER_IDLE_MS}). */
  readonly readerIdleMs?: number;
  /** Starts one thread (default: lib/db/worker-entry.ts's, in whatever form this program runs). */
  readonly startWorker?: (data: DbWorkerData) => Worker;
  /** Told each time a thread is started or stopped (for logs and tests). */
  readonly onThread?: (role: "writer" | "reader", change: "start" | "stop") => void;
}

type Request = DbRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never)
  : never;
type Value = Extract<DbReply, { ok: true }>["value"];

/** One worker thread and the requests it has not answered yet. */
/** Longest wait for a closing thread's running statement before it is terminated anyway, ms. */
export const STOP_GRACE_MS = 30_000;

interface Thread {
  call(request: Request): Promise<Value>;
  readonly inFlight: () => number;
  readonly dead: () => boolean;
  /** The thread has opened the file (until then requests wait in its queue). */
  readonly ready: () => boolean;
  terminate(): void;
}

function startThread(data: DbWorkerData, start: (data: DbWorkerData) => Worker): Thread {
  const worker: Worker = start(data);
  const pending = new Map<number, { resolve: (v: Value) => void; reject: (e: Error) => void }>();
  let next = 0;
  let gone: Error | null = null;
  let ready = false;
  // Requests the thread has not answered yet, even those whose callers were already told it closed.
  let outstanding = 0;
  let stopping = false;
  // Until the thread has tried to open the file it is inside the driver (or about to be): like a
  // running statement, that keeps the process alive and defers stopping it.
  let opening = true;
  // An idle worker must not keep the process alive; one with work in flight must (see settle).
  const settleAll = (error: Error) => {
    gone ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  // Plain statements posted in one turn of the event loop (many callers' reads under load) go to
  // the thread as one message: one wake-up and one clone instead of one each.
  const send = turnBatcher<DbRequest>((batch) => worker.postMessage(batch));
  const settle = (reply: DbReply) => {
    if (reply.id === 0) {
      // Opened (or failed to: then each request gets the error).
      opening = false;
      ready = reply.ok;
      // Stopping: terminate now if nothing is queued, else stay referenced till the last answer.
      if (stopping) {
        if (outstanding === 0) void worker.terminate();
        return;
      }
      if (pending.size === 0) worker.unref();
      return;
    }
    outstanding--;
    // Stopped only here, between statements and once opened: terminating a thread inside the
    // driver's native call aborts the whole process (neon panics on the pending termination,
    // libsql builds with panic = "abort"). The readers start together, so one may still be opening
    // when the database closes or the process ends.
    if (stopping && outstanding === 0 && !opening) return void worker.terminate();
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(fromWireError(reply.error));
  };
  worker.on(
    "message",
    (message: DbReply | DbReply[]) =>
      Array.isArray(message) ? message.forEach(settle) : settle(message),
  );
  worker.on(
    "error",
    (error: Error) =>
      settleAll(
        Object.assign(new Error(`数据库线程出错 / the database thread failed: ${error.message}`), {
          cause: error,
        }),
      ),
  );
  worker.on(
    "exit",
    (code) => {
      opening = false;
      settleAll(new Error(`数据库线程已退出 / the database thread exited (code ${code})`));
    },
  );
  return {
    call(request) {
      if (gone) return Promise.reject(gone);
      const id = ++next;
      return new Promise<Value>((resolve, reject) => {
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        outstanding++;
        const message = { ...request, id } as DbRequest;
        if (message.op !== "execute") return worker.postMessage(message);
        send(message);
      });
    },
    inFlight: () => pending.size,
    dead: () => gone !== null,
    ready: () => ready,
    terminate() {
      settleAll(new Error("数据库已关闭 / the database is closed"));
      if (stopping) return;
      stopping = true;
      if (outstanding === 0 && !opening) return void worker.terminate();
      // A statement is running or the file is opening: the thread stops when it answers (kept
      // alive till then), or after STOP_GRACE_MS if it never does.
      worker.ref();
      setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
    },
  };
}

/**
 * A local file whose driver runs in worker threads, so no statement (nor SQLite's busy wait for a
 * lock another process holds) ever blocks the thread that serves HTTP. One writer thread takes
 * every statement that may write, each batch and each transaction, in order (WAL lets it run
 * beside the readers); `options.readers` reader threads take the plain SELECTs, each to an idle
 * one when there is one. A transaction's `work` runs on this thread, each `tx.execute`
 * a message to the writer. A thread that dies is replaced on the next request.
 *
 * Only the writer starts with the database. The readers start together when first needed (an
 * analysis job, or a read while the writer is busy) and stop together once all of them have been
 * idle for `options.readerIdleMs`; until one of them is ready, a plain SELECT goes to the writer if
 * it is idle (a start-up health check, a single user's lookups), else waits for a reader to open.
 */
export function openThreadedDatabase(
  location: DatabaseLocation,
  options: ThreadedOptions,
): Promise<Db> {
  const data: DbWorkerData = {
    oilfieldDbWorker: true,
    location,
    options: { authToken: options.authToken, busyTimeoutMs: options.busyTimeoutMs },
  };
  const most = Math.max(1, options.readers ?? DEFAULT_READERS);
  let writer: Thread | null = null;
  let readers: Thread[] = [];
  let closed = false;
  let transactions = 0;
  let openTransactions = 0;
  const idleMs = Math.max(1, options.readerIdleMs ?? READER_IDLE_MS);
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let lastActive = 0;
  const told = options.onThread ?? (() => {});
  const startThreadAs = (
    role: "writer" | "reader",
  ) => (told(role, "start"), startThread(data, options.startWorker ?? startDbWorker));
  const closedError = () => new Error("数据库已关闭 / the database is closed");
  const theWriter = () => {
    if (closed) throw closedError();
    if (!writer || writer.dead()) writer = startThreadAs("writer");
    return writer;
  };
  // Readers all idle for idleMs are stopped (checked at most every idleMs; unref'd, so an idle
  // pool never keeps the process alive).
  const armIdleCheck = () => {
    if (idleTimer || closed || readers.length === 0) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      const busy = jobbing.size > 0 || readers.some((r) => r.inFlight() > 0);
      if (!busy && Date.now() - lastActive >= idleMs) {
        for (const r of readers) {
          r.terminate();
          told("reader", "stop");
        }
        readers = [];
        return;
      }
      armIdleCheck();
    }, Math.max(1, lastActive + idleMs - Date.now()));
    idleTimer.unref();
  };
  const onReader = (thread: Thread, request: Request): Promise<Value> => {
    lastActive = Date.now();
    return thread.call(request).finally(() => {
      lastActive = Date.now();
      armIdleCheck();
    });
  };
  // An idle thread that has opened the file, else the least busy one, one running no job first
  // (the readers start when first needed; a dead one is replaced).
  const aReader = () => {
    if (closed) throw closedError();
    if (readers.length === 0) readers = Array.from({ length: most }, () => startThreadAs("reader"));
    readers = readers.map((r) => (r.dead() ? startThreadAs("reader") : r));
    const load = (r: Thread) => r.inFlight() + (jobbing.has(r) ? 1_000 : 0);
    return readers.find((r) => r.ready() && r.inFlight() === 0) ??
      readers.reduce((best, r) => (load(r) < load(best) ? r : best));
  };
  const write = async (request: Request) => theWriter().call(request);
  // A plain SELECT: to an idle ready reader; while no reader is ready, to the writer when it is
  // idle (so a lone read neither starts nor waits for the readers); else to a reader.
  const read = (request: Request): Promise<Value> => {
    if (closed) return Promise.reject(closedError());
    const idle = writer && !writer.dead() && writer.ready() && writer.inFlight() === 0 &&
        openTransactions === 0
      ? writer
      : null;
    if (idle && !readers.some((r) => r.ready() && !r.dead())) return idle.call(request);
    return onReader(aReader(), request);
  };
  // A job (a field-wide analysis) holds its thread for a second or more. At most readers − 1 run
  // at once, each on a reader running no other job, so one reader is always left for the small
  // reads of everyone else; further jobs wait their turn here, in order.
  const jobSlots = Math.max(1, most - 1);
  const jobbing = new Set<Thread>();
  const waiting: (() => void)[] = [];
  const runJob = async (name: string, input: unknown): Promise<unknown> => {
    if (jobbing.size >= jobSlots) await new Promise<void>((resolve) => waiting.push(resolve));
    if (closed) throw closedError();
    const pick = aReader();
    const free = readers.filter((r) => !jobbing.has(r) && !r.dead());
    const thread = jobbing.has(pick)
      ? free.reduce((best, r) => (r.inFlight() < best.inFlight() ? r : best), free[0] ?? pick)
      : pick;
    jobbing.add(thread);
    try {
      return await onReader(thread, { op: "job", name, input });
    } finally {
      jobbing.delete(thread);
      waiting.shift()?.();
    }
  };
  const db: Db = {
    location,
    execute: async (sql, args) =>
      (await (mayWrite(sql)
        ? write({ op: "execute", sql, args })
        : read({ op: "execute", sql, args }))) as QueryResult,
    runJob,
    // A page of an export: a short read like any other (an idle reader, else the least busy one
    // running no job), so one export's pages never hold a reader between them.
    exportChunk: async (chunk) =>
      (await onReader(aReader(), { op: "exportChunk", chunk })) as ExportChunk,
    batch: async (statements: readonly Statement[]) =>
      (await write({ op: "batch", statements })) as QueryResult[],
    async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
      const thread = theWriter();
      const tx = ++transactions;
      openTransactions++;
      try {
        await thread.call({ op: "begin", tx });
        let result: T;
        try {
          result = await work({
            execute: async (sql, args) =>
              (await thread.call({ op: "tx", tx, sql, args })) as QueryResult,
          });
        } catch (error) {
          // Rolled back in the writer, which also sees the error's code (a fault marks its connections stale).
          await thread.call({ op: "end", tx, commit: false, error: toWireError(error) }).catch(
            () => {},
          );
          throw error;
        }
        await thread.call({ op: "end", tx, commit: true });
        return result;
      } finally {
        openTransactions--;
      }
    },
    close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      for (const wake of waiting.splice(0)) wake();
      writer?.terminate();
      for (const r of readers) r.terminate();
      writer = null;
      readers = [];
    },
  };
  // The writer opens the file now (creating it, WAL on), so a bad path fails at start-up; the
  // readers start when first needed (see above).
  return write({ op: "execute", sql: "PRAGMA user_version" }).then(
    () => db,
    (error: unknown) => (db.close(), Promise.reject(error)),
  );
}
