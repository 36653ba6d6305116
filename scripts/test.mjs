// Runs every test file under test/ on Node (node:test), then the same files on Deno.
// Usage: node scripts/test.mjs [--node-only|--deno-only] [filter]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const only = args.find((a) => a === "--node-only" || a === "--deno-only");
const filter = args.find((a) => !a.startsWith("--"));

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = findTests("test").filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no test files match "${filter ?? ""}" under test/`);
  process.exit(1);
}

// Node 24 runs the .ts sources itself (type stripping); an older node (e.g. the system's, when this
// script is started as `node scripts/test.mjs`) hands the Node run to the pinned one in node_modules.
function nodeBinary() {
  if (Number(process.versions.node.split(".")[0]) >= 24) return process.execPath;
  const pinned = "node_modules/.bin/node";
  if (existsSync(pinned)) return pinned;
  console.error(
    `Node ${process.versions.node} cannot run the TypeScript sources and ${pinned} is missing: run npm ci (it installs Node 24), or run this with Node 24`,
  );
  process.exit(1);
}

function run(label, cmd, cmdArgs) {
  console.log(`\n=== ${label}: ${cmd} ${cmdArgs.slice(0, 6).join(" ")} … (${files.length} files)`);
  const result = spawnSync(cmd, cmdArgs, {
    stdio: "inherit",
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (result.error) throw result.error;
  // Said, so a run whose counts are all green but whose status is not can be explained.
  console.log(
    `=== ${label}: exit status ${result.status}${result.signal ? `, signal ${result.signal}` : ""}`,
  );
  return result.status ?? 1;
}

// Chart tests import lib/charts/assets.generated.ts, which is not committed: build it when stale.
const assets = spawnSync(process.execPath, ["scripts/gen-chart-assets.mjs"], { stdio: "inherit" });
if (assets.status !== 0) process.exit(assets.status ?? 1);

const statuses = [];
if (only !== "--deno-only") {
  statuses.push(run("node", nodeBinary(), ["--test", "--test-concurrency=1", ...files]));
}
if (only !== "--node-only") {
  statuses.push(run("deno", "node_modules/.bin/deno", ["test", "-A", "--no-check", ...files]));
}
process.exit(statuses.some((s) => s !== 0) ? 1 : 0);
