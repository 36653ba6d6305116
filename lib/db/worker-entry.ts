import { Worker } from "node:worker_threads";
import { libsqlDirForWorkers } from "./native-dir.ts";
import type { DbWorkerData } from "./wire.ts";

// Set by the builds (scripts/build-db-worker.mjs): the worker's own bundled code. The one-file
// bundle and the single executable run each thread from it, not from the whole server's code.
declare const OILFIELD_DB_WORKER_CODE: string | undefined;

/**
 * Starts a database worker thread in whatever form this program runs: from source
 * (lib/db/worker-main.ts), or, bundled, from the worker code the build carries, which finds the
 * libSQL addon the bundle extracted (`nativeDir`) or in the executable.
 */
// A database thread's young generation: its reads make short-lived rows in bulk (an export page,
// an analysis), and V8's default lets each thread's heap grow by tens of MB before collecting.
const LIMITS = { maxYoungGenerationSizeMb: 8 };

export function startDbWorker(data: DbWorkerData): Worker {
  if (typeof OILFIELD_DB_WORKER_CODE === "string") {
    // In the executable the threads load the addon from its asset (nativeDir stays undefined).
    const nativeDir = libsqlDirForWorkers();
    return new Worker(OILFIELD_DB_WORKER_CODE, {
      eval: true,
      workerData: { ...data, nativeDir },
      resourceLimits: LIMITS,
    });
  }
  return new Worker(new URL("./worker-main.ts", import.meta.url), {
    workerData: data,
    resourceLimits: LIMITS,
  });
}
