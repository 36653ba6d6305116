/**
 * Runs the import command (`npm run import`) in-process against a database URL, collecting what it prints.
 * @module
 */
import { runImportCli } from "../../lib/import/cli.ts";

/** The import command's exit code and what it wrote to stdout and stderr, run as user "ops". */
export async function runImport(
  databaseUrl: string,
  argv: string[],
  tty = false,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCli(argv, {
    env: { DATABASE_URL: databaseUrl },
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    tty,
    user: "ops",
  });
  return { code, out: out.join(""), err: err.join("") };
}
