import { createApp } from "../app.ts";
import { ConfigError, loadConfig } from "../config/config.ts";
import type { DatabaseLocation } from "../config/config.ts";
import { openDatabase } from "../db/db.ts";
import { createLogger } from "../observability/log.ts";
import type { Logger } from "../observability/log.ts";
import { createMetrics } from "../observability/metrics.ts";
import { migrate } from "../db/migrations/index.ts";

/** A web-standard request handler, as `Deno.serve` takes it. */
export interface EdgeHandler {
  fetch(request: Request): Response | Promise<Response>;
}

/** Refuses database locations a serverless host (Deno Deploy) cannot keep, saying why. */
export function requireRemoteDatabase(location: DatabaseLocation, raw: string | undefined): void {
  if (location.kind === "remote") return;
  const shown = raw ? `DATABASE_URL="${raw}"` : `DATABASE_URL (unset, default "${location.url}")`;
  const why = location.kind === "memory"
    ? "每个实例各有一份空库、重启即丢失 / every isolate would get its own empty database, lost on restart"
    : "Deno Deploy 的每个实例各有自己的本地磁盘，实例停止即清空 / each Deno Deploy instance has its own local disk, wiped when the instance stops, so a local file is neither shared nor kept";
  throw new ConfigError(
    `${shown} 不能用于 Deno Deploy / cannot be used on Deno Deploy: ${why}. ` +
      "请设为远程 libSQL 地址 / set it to a remote libSQL URL (libsql://NAME.turso.io or https://your-sqld-host) and DATABASE_AUTH_TOKEN.",
  );
}

/**
 * Builds the app for a serverless host from an environment record: a remote libSQL database
 * (migrated, seeded when empty and SEED_DEMO_DATA allows), JSON log lines on the console.
 * Throws a ConfigError before touching anything when DATABASE_URL is a local file or `:memory:`.
 */
export async function createEdgeHandler(
  env: Record<string, string | undefined>,
  log?: Logger,
): Promise<EdgeHandler> {
  const config = loadConfig(env);
  requireRemoteDatabase(config.database, env.DATABASE_URL);
  const logger = log ?? createLogger({ level: config.logLevel, format: "json" });
  const db = await openDatabase(config.database, { authToken: config.databaseAuthToken });
  const applied = await migrate(db);
  if (applied.length) logger.info("migrations applied", { versions: applied });
  if (config.seedDemoData) {
    const { seedDemoData } = await import("../seed/index.ts");
    const seeded = await seedDemoData(db);
    if (seeded) logger.info("demo data seeded", { drilling_records: seeded });
  }
  const app = createApp({ config, db, log: logger, metrics: createMetrics() });
  return { fetch: (request) => app.fetch(request) };
}

/** Where the Deno Deploy entry listens: Deno.serve's own default (which Deno Deploy routes to) unless PORT is set, then PORT and HOST (local runs, tests). */
export function edgeServeOptions(
  env: Record<string, string | undefined>,
): { port?: number; hostname?: string } {
  if (env.PORT === undefined) return {};
  const config = loadConfig(env);
  return { port: config.port, hostname: config.host };
}
