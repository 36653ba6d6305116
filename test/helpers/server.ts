import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppDeps } from "../../lib/app.ts";
import { loadConfig } from "../../lib/config/config.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { startServer } from "../../lib/server/start.ts";
import type { Running } from "../../lib/server/start.ts";

/** A server on 127.0.0.1 with its own temporary database file, and the log lines it wrote. */
export interface TestServer extends Running {
  readonly url: string;
  readonly dir: string;
  readonly logs: Record<string, unknown>[];
}

/** Starts the real server on a random loopback port with a fresh libSQL file (demo data unless SEED_DEMO_DATA=0). */
export async function startTestServer(
  env: Record<string, string> = {},
  extra: Partial<AppDeps> = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-test-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${join(dir, "oilfield.db")}`,
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger({
    level: "debug",
    format: "json",
    write: (line) => logs.push(JSON.parse(line)),
  });
  const running = await startServer(config, log, extra);
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    dir,
    logs,
    async close() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Identity headers as LibreChat sends them for a user of `role`. */
export function identity(
  role: string,
  email = `${role.toLowerCase()}@example.com`,
  id = `id-${role.toLowerCase()}`,
): Record<string, string> {
  return { "X-User-Role": role, "X-User-Email": email, "X-User-ID": id };
}

/** POSTs a REST tool call; returns status and parsed body. */
export async function restCall(
  url: string,
  headers: Record<string, string>,
  name: string,
  args: unknown = {},
  // deno-lint-ignore no-explicit-any -- assertions read JSON answers by path
): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${url}/mcp/call-tool`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name, arguments: args }),
  });
  return { status: res.status, body: await res.json() };
}
