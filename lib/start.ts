import { createApp } from "./app.ts";
import { createAuditSink } from "./audit/sink.ts";
import { sseStoreFromConfig } from "./http/sse.ts";
import type { AppDeps } from "./app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db.ts";
import { guardDatabase } from "./db-guard.ts";
import type { Db } from "./db.ts";
import type { Logger } from "./log.ts";
import { createMetrics } from "./metrics.ts";
import { migrate } from "./migrations/index.ts";
import { seedDemoData } from "./seed/index.ts";
import { listen } from "./serve.ts";
import type { Listening } from "./serve.ts";

/** How long a call's answer waits for its audit row to commit before answering with the row still queued, ms. */
export const AUDIT_WAIT_MS = 25;

/** A running server: its address, database and a way to stop it. */
export interface Running extends Listening {
  readonly db: Db;
}

/**
 * Opens the database (migrating, and seeding an empty one when configured),
 * builds the app and listens. Used by main.ts and by tests.
 */
export async function startServer(config: Config, log: Logger, extra: Partial<AppDeps> = {}): Promise<Running> {
  const options = { authToken: config.databaseAuthToken, readers: config.dbReaders };
  const db = guardDatabase(await openDatabase(config.database, options), options);
  try {
    const applied = await migrate(db);
    if (applied.length) log.info("migrations applied", { versions: applied });
    if (config.seedDemoData) {
      const seeded = await seedDemoData(db);
      if (seeded) log.info("demo data seeded", { drilling_records: seeded });
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const sse = extra.sse ?? sseStoreFromConfig(config);
  // A file's audit rows are written by its writer thread; an answer waits for its row only
  // briefly, so another program holding the file's write lock does not hold every answer up.
  const audit = extra.audit ?? createAuditSink(db, log, { waitMs: config.database.kind === "file" ? AUDIT_WAIT_MS : Infinity });
  const app = createApp({ config, db, log, metrics: createMetrics(), sse, ...extra, audit });
  const listening = await listen(app.fetch, { host: config.host, port: config.port });
  return {
    ...listening,
    db,
    async close() {
      // Open SSE streams would otherwise hold the listener open forever.
      await sse.closeAll();
      await listening.close();
      // Every queued audit row is stored (or logged as failed) before the file closes.
      await audit.drain();
      db.close();
    },
  };
}
