// Entry of a database worker thread (lib/db-worker-entry.ts): run from source, or bundled by scripts/build-db-worker.mjs.
import { runDbWorker } from "./db-worker.ts";

void runDbWorker();
