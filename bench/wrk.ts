import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

/** One HTTP request wrk repeats. */
export interface LoadRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** What one wrk run measured. */
export interface LoadResult {
  readonly reqPerSec: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx responses plus socket errors (connect, read, write, timeout). */
  readonly errors: number;
}

/** The apt-get line that installs wrk, printed when it is missing. */
export const WRK_INSTALL = "apt-get update && apt-get install -y wrk";

/** Whether `wrk` is on PATH. */
export function haveWrk(): boolean {
  return spawnSync("wrk", ["--version"], { encoding: "utf8" }).error === undefined;
}

const luaString = (s: string) => JSON.stringify(s); // a JSON string literal is a valid Lua string literal for our ASCII bodies

function ms(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n;
}

/** Parses wrk's `--latency` report. */
export function parseWrk(out: string): LoadResult {
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(out);
    return m ? ms(m[1], m[2]) : NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0;
  return {
    reqPerSec: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    p50Ms: pct("50"),
    p99Ms: pct("99"),
    errors: num(/Non-2xx or 3xx responses: (\d+)/) + socketErrors,
  };
}

/**
 * Runs wrk against `url` (loopback) with `connections` connections over two
 * threads for `seconds`, repeating `request`. The Lua script is written beside `scriptPath`.
 */
export function runWrk(
  url: string,
  request: LoadRequest,
  options: { seconds: number; connections: number; scriptPath: string },
): LoadResult {
  const lines = [`wrk.method = ${luaString(request.method)}`];
  if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`);
  for (const [k, v] of Object.entries(request.headers ?? {})) {
    lines.push(`wrk.headers[${luaString(k)}] = ${luaString(v)}`);
  }
  writeFileSync(options.scriptPath, `${lines.join("\n")}\n`);
  const args = [
    "-t2",
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--latency",
    "--timeout",
    "5s",
    "-s",
    options.scriptPath,
    `${url}${request.path}`,
  ];
  const run = spawnSync("wrk", args, { encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`wrk ${args.join(" ")} failed (${run.status}): ${run.stderr || run.stdout}`);
  }
  return parseWrk(run.stdout);
}
