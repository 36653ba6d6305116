import { Worker } from "node:worker_threads";
import type { DbWorkerData } from "./db-wire.ts";

// Set by the builds (esbuild define): the one-file bundle starts itself as the worker ("self");
// the single executable, which has no script file, passes the worker's own bundled code.
declare const OILFIELD_DB_WORKER: string | undefined;
declare const OILFIELD_DB_WORKER_CODE: string | undefined;

/**
 * Starts a database worker thread in whatever form this program runs: from source
 * (lib/db-worker-main.ts), as the one-file bundle (the bundle itself, whose main.ts runs the
 * worker body in such a thread) or as the single executable (its worker code, evaluated).
 */
export function startDbWorker(data: DbWorkerData): Worker {
  if (typeof OILFIELD_DB_WORKER_CODE === "string") return new Worker(OILFIELD_DB_WORKER_CODE, { eval: true, workerData: data });
  if (OILFIELD_DB_WORKER_SELF()) return new Worker(new URL(import.meta.url), { workerData: data });
  return new Worker(new URL("./db-worker-main.ts", import.meta.url), { workerData: data });
}

function OILFIELD_DB_WORKER_SELF(): boolean {
  return typeof OILFIELD_DB_WORKER === "string" && OILFIELD_DB_WORKER === "self";
}
