import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DbWorkerData } from "./db-wire.ts";

// Set by the builds (scripts/build-db-worker.mjs): the worker's own bundled code. The one-file
// bundle and the single executable run each thread from it, not from the whole server's code.
declare const OILFIELD_DB_WORKER_CODE: string | undefined;

/**
 * Starts a database worker thread in whatever form this program runs: from source
 * (lib/db-worker-main.ts), or, bundled, from the worker code the build carries, which finds the
 * libSQL addon beside the bundle (`nativeDir`) or in the executable.
 */
export function startDbWorker(data: DbWorkerData): Worker {
  if (typeof OILFIELD_DB_WORKER_CODE === "string") {
    // CommonJS (the executable) has no import.meta.url; there the addon comes from the executable.
    const url: unknown = import.meta.url;
    const nativeDir = typeof url === "string" && url.startsWith("file:") ? dirname(fileURLToPath(url)) : undefined;
    return new Worker(OILFIELD_DB_WORKER_CODE, { eval: true, workerData: { ...data, nativeDir } });
  }
  return new Worker(new URL("./db-worker-main.ts", import.meta.url), { workerData: data });
}
