// Entry of a database worker thread when running from source (lib/db-worker-entry.ts).
import { runDbWorker } from "./db-worker.ts";

void runDbWorker();
