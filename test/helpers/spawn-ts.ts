import process from "node:process";

/** The command that runs a .ts file on the runtime running the tests (Node with the esbuild hooks, or Deno). */
export function tsCommand(file: string, args: readonly string[] = []): { command: string; args: string[] } {
  const deno = (globalThis as { Deno?: unknown }).Deno !== undefined;
  return deno
    ? { command: process.execPath, args: ["run", "-A", "--no-check", file, ...args] }
    : { command: process.execPath, args: ["--import", "./scripts/ts-register.mjs", file, ...args] };
}
