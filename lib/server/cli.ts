import { CONFIG_ENV_SCHEMA, ConfigError, loadConfig } from "../config/config.ts";
import { envVariables } from "../config/help.ts";
import { isLoopback } from "../http/loopback.ts";
import { openDatabase } from "../db/db.ts";
import { migrate } from "../db/migrations/index.ts";
import {
  checkDatabaseFile,
  databaseFailureLine,
  shownDatabase,
  StartupError,
} from "./startup-errors.ts";

/** What the command line asked for before the server starts. */
export interface CliResult {
  /** Exit with this code after printing `out`; `null` means: start the server. */
  readonly exit: number | null;
  readonly out: string;
}

/** `--help`: usage, then every environment variable with its default (from lib/config/config.ts). */
export function helpText(program: string, version: string): string {
  const vars = envVariables(CONFIG_ENV_SCHEMA);
  const width = Math.max(...vars.map((v) => v.name.length));
  const lines = vars.map((v) =>
    `  ${v.name.padEnd(width)}  ${v.description ?? ""}${
      v.default !== undefined ? ` [默认 default: ${v.default}]` : ""
    }`
  );
  return [
    `${program} ${version} — 油田钻井数据 MCP Server / oilfield drilling data MCP server`,
    "",
    `用法 Usage: [VAR=value …] ${program} [--help | --version | --healthcheck]`,
    "  (no option)     启动服务 start the server (Streamable HTTP POST /mcp, REST, GET /health, GET /metrics)",
    "  --version       打印版本 print the version",
    "  --healthcheck   检查本机服务 GET /health on this host's PORT; exit 0 when healthy (for HEALTHCHECK)",
    "  --remove-demo-data  删除演示数据 delete the demo data (rows written by SEED_DEMO_DATA) from DATABASE_URL, then exit",
    "  --help          本帮助 this help",
    "",
    "环境变量 Environment:",
    ...lines,
    "",
  ].join("\n");
}

/** GETs `/health` of the server configured by `env` on this host; 0 when it answers healthy. */
export async function healthcheck(env: Record<string, string | undefined>): Promise<CliResult> {
  let url: string;
  try {
    const config = loadConfig({ ...env, HOST: "127.0.0.1" });
    const host = env.HOST && !isLoopback(env.HOST) && env.HOST !== "0.0.0.0" && env.HOST !== "::"
      ? env.HOST
      : "127.0.0.1";
    url = `http://${host.includes(":") ? `[${host}]` : host}:${config.port}/health`;
  } catch (error) {
    return { exit: 1, out: error instanceof ConfigError ? error.message : String(error) };
  }
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = await res.text();
    return { exit: res.ok ? 0 : 1, out: `${url} ${res.status} ${body}` };
  } catch (error) {
    return { exit: 1, out: `${url} 无响应 / no answer: ${(error as Error).message}` };
  }
}

/** Deletes the demo data from the configured database and says what went. */
export async function removeDemo(env: Record<string, string | undefined>): Promise<CliResult> {
  try {
    const config = loadConfig(env);
    await checkDatabaseFile(config.database, false);
    const db = await openDatabase(config.database, { authToken: config.databaseAuthToken }).catch(
      (error) => {
        throw new StartupError(
          databaseFailureLine(config.database, error) ?? (error as Error).message,
        );
      },
    );
    try {
      await migrate(db);
      const { removeDemoData } = await import("../seed/remove.ts");
      const removed = await removeDemoData(db);
      const rows = Object.entries(removed).map(([table, n]) => `${table} ${n}`).join(", ");
      return {
        exit: 0,
        out: `已从 "${shownDatabase(config.database)}" 删除演示数据 / removed the demo data from "${
          shownDatabase(config.database)
        }": ${rows}`,
      };
    } finally {
      db.close();
    }
  } catch (error) {
    return {
      exit: 1,
      out: error instanceof ConfigError || error instanceof StartupError
        ? error.message
        : `删除演示数据失败 / removing the demo data failed: ${(error as Error).message}`,
    };
  }
}

/** Reads the options; unknown ones are refused with the list of known ones. */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  program: string,
  version: string,
): Promise<CliResult> {
  const [first, ...rest] = argv;
  if (first === undefined) return { exit: null, out: "" };
  if (rest.length) {
    return {
      exit: 2,
      out: `多余的参数 / unexpected arguments "${
        rest.join(" ")
      }": ${program} takes at most one option, see --help`,
    };
  }
  if (first === "--version" || first === "-v") return { exit: 0, out: `${program} ${version}` };
  if (first === "--help" || first === "-h") return { exit: 0, out: helpText(program, version) };
  if (first === "--healthcheck") return await healthcheck(env);
  if (first === "--remove-demo-data") return await removeDemo(env);
  return {
    exit: 2,
    out:
      `未知选项 / unknown option "${first}": use --help, --version, --healthcheck or --remove-demo-data; settings are environment variables (see --help)`,
  };
}
