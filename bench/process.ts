import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpuSeconds } from "./stats.ts";

/** A server process the bench started, with its log file. */
export interface BenchServer {
  readonly label: string;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** Milliseconds from spawn to the first healthy `/health`. */
  readonly startMs: number;
  /** Current and peak resident memory, MB, from /proc. */
  memory(): { rssMb: number; peakMb: number };
  /** CPU seconds (user + system) the process has used so far. */
  cpu(): number;
  stop(): Promise<void>;
}

/** How to start one server. */
export interface ServerSpec {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly logFile: string;
  readonly cwd?: string;
}

/** A free loopback port (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number): { rssMb: number; peakMb: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`);
    const body = (await res.json()) as { status?: string };
    return res.ok && body.status === "healthy";
  } catch {
    return false;
  }
}

/**
 * Starts a server (stdout and stderr to its log file, not through this process),
 * polls `/health` every 2 ms and resolves once it answers healthy.
 */
export async function startServer(spec: ServerSpec, timeoutMs = 30_000): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(spec.logFile, "a");
  const started = performance.now();
  const child: ChildProcess = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log],
  });
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  while (!(await healthy(url))) {
    if (exited !== null) {
      throw new Error(
        `${spec.label} exited with code ${exited} before answering /health: see ${spec.logFile}`,
      );
    }
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      const tail = readFileSync(spec.logFile, "utf8").slice(-600);
      throw new Error(
        `${spec.label} did not answer /health healthy within ${timeoutMs} ms: see ${spec.logFile}, which ends:\n${tail}`,
      );
    }
    await sleep(2);
  }
  const startMs = performance.now() - started;
  const pid = child.pid as number;
  return {
    label: spec.label,
    url,
    pid,
    logFile: spec.logFile,
    startMs,
    memory: () => procStatus(pid),
    cpu: () => cpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8")),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}
