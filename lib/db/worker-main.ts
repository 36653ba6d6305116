// Entry of a database worker thread (lib/db/worker-entry.ts): run from source, or bundled by scripts/build-db-worker.mjs.
import { runDbWorker } from "./worker.ts";

void runDbWorker();
