import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import process from "node:process";

/** The path of `name` on PATH; throws with the install line when it is missing. */
export function findOnPath(name: string, install: string): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const path = join(dir, name);
    if (dir && existsSync(path)) return path;
  }
  throw new Error(`"${name}" 不在 PATH 中 / "${name}" is not on PATH: ${install}`);
}

/** A Node executable: this process when it is Node, else the project's Node 24 (the `node` npm package), else `node` from PATH. */
export function nodeExecutable(): string {
  if (!(globalThis as { Deno?: unknown }).Deno) return process.execPath;
  const pinned = resolve("node_modules/.bin/node");
  if (existsSync(pinned)) return pinned;
  return findOnPath("node", "install Node 24 (npm ci puts it in node_modules/.bin)");
}

/** The project's Deno (the `deno` npm package). */
export function denoExecutable(): string {
  return resolve("node_modules/.bin/deno");
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `"${command} ${args.join(" ")}" failed (${
        result.status ?? result.signal
      }):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}
