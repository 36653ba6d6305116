import { spawnSync } from "node:child_process";

/** Runs Debian's promtool `check metrics` on the text; throws with the apt-get line when it is missing. */
export function promtoolCheck(text: string): { status: number | null; output: string } {
  const result = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (result.error) {
    throw new Error(`promtool cannot run (${result.error.message}): apt-get install -y prometheus`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
