import { type ChildProcess, spawn } from "node:child_process";
import process from "node:process";

/** A server running in its own process, found through the port its banner prints. */
export interface SpawnedServer {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** stdout so far (the banner). */
  stdout(): string;
  /** stderr so far (the log lines when not a terminal). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code or signal. */
  stop(): Promise<number | string | null>;
}

/** Options for {@link spawnServer}. */
export interface SpawnOptions {
  readonly env: Record<string, string>;
  readonly cwd?: string;
  /** Give up waiting for the banner after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Run as this user and group (a container's USER), when the test runs as root. */
  readonly uid?: number;
  readonly gid?: number;
  /**
   * Run it in a process group of its own and stop the whole group: for a launcher such as
   * `npm start`, whose server is its child and would outlive a stopped npm.
   */
  readonly group?: boolean;
}

/**
 * Starts `command args` and resolves once its banner names the port it listens on
 * (`Listening on: http://HOST:PORT`); rejects with its output if it exits first.
 * The environment is exactly `options.env` (nothing inherited).
 */
export function spawnServer(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<SpawnedServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    uid: options.uid,
    gid: options.gid,
    detached: options.group ?? false,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const signal = (name: NodeJS.Signals) => {
    if (options.group && child.pid !== undefined) {
      try {
        process.kill(-child.pid, name);
        return;
      } catch {
        // The group is gone already, or this runtime cannot signal a group: signal the child itself.
      }
    }
    child.kill(name);
  };
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal))
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return child.exitCode ?? child.signalCode;
    }
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 5000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `"${command}" printed no banner within ${
            options.timeoutMs ?? 30000
          } ms\nstdout:\n${out}\nstderr:\n${err}`,
        ),
      );
    }, options.timeoutMs ?? 30000);
    const check = () => {
      const m = /Listening on: http:\/\/([^\s:]+):(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off("data", check);
      const port = Number(m[2]);
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        child,
        stdout: () => out,
        stderr: () => err,
        stop,
      });
    };
    child.stdout!.on("data", check);
    child.once("error", (error) => (clearTimeout(timer), reject(error)));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `"${command} ${
            args.join(" ")
          }" exited (${code}) before listening\nstdout:\n${out}\nstderr:\n${err}`,
        ),
      );
    });
  });
}

/** The command that runs a .ts file on the runtime running this test: node (24 strips the types itself), or deno. */
export function runTs(file: string): { command: string; args: string[] } {
  if ((globalThis as { Deno?: unknown }).Deno) {
    return { command: process.execPath, args: ["run", "-A", file] };
  }
  return { command: process.execPath, args: [file] };
}

/** Minimal environment for a child: PATH and HOME only, plus `extra`. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...extra };
}
