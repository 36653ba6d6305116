import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import process from "node:process";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const isDeno = Boolean((globalThis as { Deno?: unknown }).Deno);

test("Node 24 is the runtime of record: pinned exactly, required by engines", () => {
  assert.match(
    pkg.devDependencies.node,
    /^24\.\d+\.\d+$/,
    "the `node` package is pinned to one 24.x",
  );
  assert.equal(pkg.engines.node, ">=24");
});

test("the suite's Node run is the pinned Node 24", { skip: isDeno && "runs under Node" }, () => {
  assert.equal(process.version, `v${pkg.devDependencies.node}`);
});

test("npm scripts run node from node_modules/.bin: the pinned Node 24", {
  skip: isDeno && "runs under Node",
}, () => {
  // `npm exec` puts node_modules/.bin first on PATH as `npm run` does; the system node may be older.
  const npm = spawnSync("npm", ["exec", "--offline", "--", "node", "-p", "process.version"], {
    encoding: "utf8",
    env: { ...process.env, PATH: "/usr/local/bin:/usr/bin:/bin" },
  });
  assert.equal(npm.status, 0, npm.stderr);
  assert.equal(npm.stdout.trim(), `v${pkg.devDependencies.node}`);
});
