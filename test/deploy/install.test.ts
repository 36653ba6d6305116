import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { send } from "../helpers/http-client.ts";
import { nodeExecutable } from "../helpers/executables.ts";
import { spawnServer } from "../helpers/spawn-server.ts";

// Issue 17 item 10: the documented install paths, run from a clean clone of this repository (what
// is committed, nothing generated), not only verified: the systemd unit's own install comment
// (`npm ci --omit=dev`, then its ExecStart on a tree the service user cannot write, as under
// ProtectSystem=strict), and `npm start` from the README on the same clone.

const unit = readFileSync("deploy/oilfield-mcp.service", "utf8");
const serviceKeys = (key: string) =>
  [...unit.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((m) => m[1]);
const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 300_000,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root" },
  });
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`,
  );
  return result.stdout;
};

test("from a clean clone: the unit's `npm ci --omit=dev`, then its ExecStart on a read-only tree, answers /health on an empty database; npm start works too", async () => {
  assert.match(unit, /npm ci --omit=dev/, "the unit documents the install command this test runs");
  const work = mkdtempSync(join(tmpdir(), "oilfield-install-"));
  const clone = join(work, "oilMCP");
  try {
    run("git", ["clone", "--quiet", process.cwd(), clone], work);
    assert.equal(
      existsSync(join(clone, "lib/charts/assets.generated.ts")),
      false,
      "a clean clone holds nothing generated",
    );
    run("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], clone);
    assert.ok(
      existsSync(join(clone, "lib/charts/assets.generated.ts")),
      "npm ci generated the chart assets",
    );

    // The unit's service user may write only its StateDirectory and LogsDirectory.
    const state = join(work, "state");
    const logs = join(work, "logs");
    mkdirSync(state);
    mkdirSync(logs);
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    // mkdtemp makes 0700 directories: the service user must reach the tree (and only read it).
    if (asRoot) { for (const dir of [state, logs]) chownSync(dir, 65534, 65534); }
    if (asRoot) chmodSync(work, 0o755);
    else chmodSync(clone, 0o555);
    // The unit runs /usr/bin/node, which it requires to be Node 24: the project's pinned Node 24 stands in
    // for it here (this machine's /usr/bin/node may be older), also as the `node` npm start finds.
    const node = nodeExecutable();
    const path = `${dirname(node)}:${process.env.PATH ?? ""}`;
    const env: Record<string, string> = { PATH: path };
    for (const pair of serviceKeys("Environment")) {
      const [key, ...value] = pair.split("=");
      env[key] = value.join("=").replace("/var/lib/oilfield-mcp", state).replace(
        "/var/log/oilfield-mcp",
        logs,
      );
    }
    Object.assign(env, { PORT: "0", HOST: "127.0.0.1" });
    assert.equal(env.SEED_DEMO_DATA, "false");
    const [exec, ...args] = serviceKeys("ExecStart")[0].split(" ");
    assert.equal(exec, "/usr/bin/node", "the unit runs the system's Node 24");
    const command = node;
    const server = await spawnServer(command, args, {
      cwd: clone,
      env,
      ...user,
      timeoutMs: 60_000,
    });
    try {
      const health = await send(`${server.url}/health`);
      assert.equal(health.status, 200, health.body);
      assert.deepEqual(JSON.parse(health.body), {
        status: "healthy",
        database: "connected",
        total_records: 0,
      });
      assert.ok(existsSync(join(state, "oilfield.db")));
    } finally {
      await server.stop();
    }
    if (!asRoot) chmodSync(clone, 0o755);

    // README's quick start on the same clone: `npm start` (prestart finds the assets up to date).
    const started = await spawnServer("npm", ["start"], {
      cwd: clone,
      env: {
        PATH: path,
        HOME: process.env.HOME ?? "/root",
        PORT: "0",
        DATABASE_URL: `file:${join(work, "quick.db")}`,
      },
      timeoutMs: 60_000,
      group: true,
    });
    try {
      const body = JSON.parse((await send(`${started.url}/health`)).body);
      assert.equal(body.status, "healthy");
      assert.ok(
        body.total_records > 0,
        "the quick start seeds its new database with the demo data",
      );
    } finally {
      await started.stop();
    }
    // Stopping npm stops the server it started too (a server left behind would keep this test's process alive).
    await assert.rejects(fetch(`${started.url}/health`), "the server npm start ran has stopped");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
