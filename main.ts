import { banner } from "./lib/server/banner.ts";
import { ConfigError, loadConfig } from "./lib/config/config.ts";
import { createServerLog } from "./lib/observability/log-output.ts";
import { installShutdown } from "./lib/server/shutdown.ts";
import { startServer } from "./lib/server/start.ts";
import { StartupError } from "./lib/server/startup-errors.ts";
import process from "node:process";

// Wiring only: configuration, logger, database and app, then listen.
try {
  const config = loadConfig(process.env);
  const { log } = createServerLog(config, {
    isTTY: process.stderr.isTTY,
    write: (line) => console.error(line),
  });
  const server = await startServer(config, log);
  console.log(banner(config, server));
  installShutdown({
    close: () => server.close(),
    log,
    exit: (code) => process.exit(code),
    on: (signal, handler) => process.on(signal, handler),
  });
} catch (error) {
  const known = error instanceof ConfigError || error instanceof StartupError;
  console.error(
    known
      ? (error as Error).message
      : `启动失败 / start-up failed: ${(error as Error).stack ?? error}`,
  );
  process.exit(1);
}
