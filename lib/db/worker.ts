import { parentPort, workerData } from "node:worker_threads";
import type { Executor, RawReader } from "./db.ts";
import { openDatabase, openFastReader, openRawReader } from "./db.ts";
import type { DbReply, DbRequest, DbWorkerData } from "./wire.ts";
import { fromWireError, toWireError } from "./wire.ts";
import { ANALYSIS_JOBS } from "../data/analysis-jobs.ts";
import { csvChunk, pageBuffer } from "../data/export-chunk.ts";
import { turnBatcher } from "./turn-batch.ts";

type Outcome = { ok: true } | { ok: false; error: unknown };

interface OpenTx {
  readonly tx: Executor;
  /** Commits (or rolls back with `error`), then tells `done` how it went. */
  readonly finish: (
    commit: boolean,
    error: Error | undefined,
    done: (outcome: Outcome) => void,
  ) => void;
}

/**
 * The body of a database worker thread: opens the file with the in-thread driver (the Db of
 * lib/db/db.ts, with its write queue and fault handling) and answers requests from the main thread.
 * A transaction's `work` runs on the main thread: `begin` opens it here and holds it until `end`.
 */
export function runDbWorker(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as DbWorkerData;
  // Answers of one turn go back as one message (see lib/db/threads.ts: one wake-up, not one each).
  const reply = turnBatcher<DbReply>((batch) => port.postMessage(batch));
  const fail = (id: number, error: unknown) => reply({ id, ok: false, error: toWireError(error) });
  // Listening at once: requests that come while the file opens wait for it (or get its error).
  const opening = openDatabase(data.location, { ...data.options, readers: 0 });
  // Request id 0: "open and ready" (or "could not open"), so the main thread sends work to threads
  // that can take it now, and stops a thread only once it is out of the driver.
  opening.then(() => reply({ id: 0, ok: true, value: null }), (error: unknown) => fail(0, error));
  // Plain SELECTs on a connection of their own with prepared statements kept (the client's way
  // cost the reader threads most of each call); opened with the database, after it.
  const fast = opening.then(() => openFastReader(data.location, data.options)).catch(() => null);
  const open = new Map<number, OpenTx>();
  // The export's own connection, opened at its first page (lib/data/export-chunk.ts).
  let raw: Promise<RawReader> | null = null;
  const buffer = pageBuffer();
  const exportChunk = (id: number, request: Extract<DbRequest, { op: "exportChunk" }>) => {
    void opening.then(async () => {
      raw ??= openRawReader(data.location, data.options).catch((error: unknown) => {
        raw = null; // tried again by the next page
        throw error;
      });
      const chunk = csvChunk(await raw, request.chunk, buffer);
      // Copied, not transferred: a transferred page is freed by the main thread's next full GC
      // into this thread's malloc arena, where hundreds of them left ~30 MB of holes per reader
      // (RSS); the copy is made and freed in the main thread's heap, this thread's dies young here.
      port.postMessage({ id, ok: true, value: chunk } satisfies DbReply);
    }).catch((error: unknown) => fail(id, error));
  };
  const begin = (id: number, key: number) => {
    let done: ((outcome: Outcome) => void) | undefined;
    let opened = false;
    void opening.then((db) =>
      db.transaction((tx) =>
        new Promise<void>((resolve, reject) => {
          opened = true;
          open.set(key, {
            tx,
            finish: (commit, error, then) => (done = then, commit ? resolve() : reject(error)),
          });
          reply({ id, ok: true, value: null });
        })
      )
    ).then(
      () => done?.({ ok: true }),
      (error: unknown) => (opened ? done?.({ ok: false, error }) : fail(id, error)),
    ).finally(() => open.delete(key));
  };
  const answer = (id: number, work: Promise<unknown>) =>
    work.then((value) => reply({ id, ok: true, value }), (error: unknown) => fail(id, error));
  const handle = (request: DbRequest) => {
    const { id } = request;
    switch (request.op) {
      case "execute":
        return answer(
          id,
          opening.then(async (db) =>
            (await fast)?.read(request.sql, request.args) ?? db.execute(request.sql, request.args)
          ),
        );
      case "job": {
        const job = Object.hasOwn(ANALYSIS_JOBS, request.name)
          ? ANALYSIS_JOBS[request.name as keyof typeof ANALYSIS_JOBS]
          : undefined;
        if (!job) return fail(id, new Error(`unknown job ${request.name}`));
        return answer(
          id,
          opening.then((db) =>
            (job as (db: Executor, input: unknown) => Promise<unknown>)(db, request.input)
          ),
        );
      }
      case "exportChunk":
        return exportChunk(id, request);
      case "batch":
        return answer(id, opening.then((db) => db.batch(request.statements)));
      case "begin":
        return begin(id, request.tx);
      case "tx": {
        const tx = open.get(request.tx);
        if (!tx) return fail(id, new Error(`transaction ${request.tx} is not open`));
        return answer(id, tx.tx.execute(request.sql, request.args));
      }
      case "end": {
        const tx = open.get(request.tx);
        if (!tx) return fail(id, new Error(`transaction ${request.tx} is not open`));
        return tx.finish(
          request.commit,
          request.error ? fromWireError(request.error) : undefined,
          (outcome) => outcome.ok ? reply({ id, ok: true, value: null }) : fail(id, outcome.error),
        );
      }
    }
  };
  port.on(
    "message",
    (message: DbRequest | DbRequest[]) =>
      Array.isArray(message) ? message.forEach(handle) : handle(message),
  );
}
