// The import command: npm run import -- FILE [--table T] [--dry-run] [--report F.json]
import { userInfo } from "node:os";
import process from "node:process";
import { runImportCli } from "../lib/import/cli.ts";

function who(): string {
  try {
    return userInfo().username;
  } catch {
    return "cli";
  }
}

process.exitCode = await runImportCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
  user: who(),
});
