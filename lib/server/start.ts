/**
 * The server's start and runtime: opening the database, building the app, listening, the banner,
 * the command line, shutdown, the version, and the Deno Deploy entry (edge.ts). `main.ts` only
 * wires these.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { createAuditSink } from "../audit/sink.ts";
import type { AppDeps } from "../app.ts";
import type { Config } from "../config/config.ts";
import { openDatabase } from "../db/db.ts";
import { guardDatabase } from "../db/guard.ts";
import type { Db } from "../db/db.ts";
import type { Logger } from "../observability/log.ts";
import { createMetrics } from "../observability/metrics.ts";
import { migrate } from "../db/migrations/index.ts";
import { listen } from "./serve.ts";
import {
  checkDatabaseFile,
  databaseFailureLine,
  listenFailureLine,
  StartupError,
} from "./startup-errors.ts";
import type { Listening } from "./serve.ts";

/** How long a call's answer waits for its audit row to commit before answering with the row still queued, ms. */
export const AUDIT_WAIT_MS = 25;

/** A running server: its address, database and a way to stop it. */
export interface Running extends Listening {
  readonly db: Db;
  /** Demo drilling reports written at this start (0: none; only ever into a brand-new database). */
  readonly seeded: number;
}

// A file that does not exist yet (or is empty) is brand new; a remote database is judged by its schema.
async function isNewFile(location: Config["database"]): Promise<boolean | null> {
  if (location.kind === "memory") return true;
  if (location.kind !== "file" || !location.path) return null;
  return await stat(location.path).then((s) => s.size === 0, () => true);
}

/**
 * Opens the database (migrating, and seeding an empty one when configured),
 * builds the app and listens. Used by main.ts and by tests.
 */
export async function startServer(
  config: Config,
  log: Logger,
  extra: Partial<AppDeps> = {},
): Promise<Running> {
  // Failures a person can fix become one StartupError line naming the value and the fix.
  const explained = (
    error: unknown,
    line: string | null,
  ) => (line ? new StartupError(line, { cause: error }) : error);
  await checkDatabaseFile(config.database, config.createDatabaseDir);
  const newFile = await isNewFile(config.database);
  const options = { authToken: config.databaseAuthToken, readers: config.dbReaders };
  const opened = await openDatabase(config.database, options).catch((error) => {
    throw explained(error, databaseFailureLine(config.database, error));
  });
  const db = guardDatabase(opened, options);
  let seeded = 0;
  // The first statement starts the database's writer thread; while it starts and migrates, this
  // thread evaluates the app's modules (every tool and its schemas, the MCP SDK), on the other core.
  const applying = migrate(db);
  const loading = Promise.all([import("../app.ts"), import("../mcp/sse.ts")]);
  loading.catch(() => {}); // awaited below; a failed start must not also leave it unhandled
  try {
    const applied = await applying.catch((error) => {
      throw explained(error, databaseFailureLine(config.database, error));
    });
    if (applied.length) log.info("migrations applied", { versions: applied });
    // Demo data only ever goes into a database created by this start, never into one that exists.
    const brandNew = (newFile ?? true) && applied.includes(1);
    if (config.seedDemoData && brandNew) {
      // The demo generator is loaded only for a brand-new database, not at every start.
      const { seedDemoData } = await import("../seed/index.ts");
      seeded = await seedDemoData(db);
      if (seeded) {
        log.warn("demo data seeded", {
          drilling_records: seeded,
          database: "new",
          remove_with: "npm run demo:remove (or --remove-demo-data)",
        });
      }
    } else if (config.seedDemoData) {
      log.info("demo data not seeded: the database existed before this start", {
        database: config.database.kind,
      });
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const [{ createApp }, { sseStoreFromConfig }] = await loading.catch((error) => {
    db.close();
    throw error;
  });
  const sse = extra.sse ?? sseStoreFromConfig(config);
  // A file's audit rows are written by its writer thread; an answer waits for its row only
  // briefly, so another program holding the file's write lock does not hold every answer up.
  const audit = extra.audit ??
    createAuditSink(db, log, {
      waitMs: config.database.kind === "file" ? AUDIT_WAIT_MS : Infinity,
    });
  const app = createApp({ config, db, log, metrics: createMetrics(), sse, ...extra, audit });
  // Deno.serve throws at once where node:http rejects: both end up here.
  const listening = await Promise.resolve().then(() =>
    listen(app.fetch, { host: config.host, port: config.port })
  ).catch(async (error) => {
    await sse.closeAll();
    db.close();
    throw explained(error, listenFailureLine(config, error));
  });
  return {
    ...listening,
    db,
    seeded,
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
