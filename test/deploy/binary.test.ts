import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addRecord, driveServer, firstWell, readRecords } from "../helpers/drive.ts";
import { nodeExecutable, run } from "../helpers/executables.ts";
import { spawnServer } from "../helpers/spawn-server.ts";

// Built once for the file by the real build script, into a temp dir (dist/ is left alone).
const buildDir = mkdtempSync(join(tmpdir(), "oilfield-bin-build-"));
const built = run(nodeExecutable(), ["scripts/build-bin.mjs", `--outdir=${buildDir}`]);

test("the binary is built on, and so carries, Node 24", () => {
  assert.match(built, /\(node v24\.\d+\.\d+, libsql-linux-x64-gnu\.node inside\)/);
});

/** The binary alone in a fresh directory, with an empty PATH dir (no node anywhere) and a HOME. */
function copyAlone(): { dir: string; binary: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-bin-"));
  const app = join(dir, "app");
  mkdirSync(app);
  copyFileSync(join(buildDir, "oilfield-mcp"), join(app, "oilfield-mcp"));
  mkdirSync(join(dir, "empty-path"));
  mkdirSync(join(dir, "home"));
  // DATABASE_CREATE_DIR: a configured database directory that does not exist is refused without it.
  const env = {
    PATH: join(dir, "empty-path"),
    HOME: join(dir, "home"),
    DATABASE_URL: `file:${join(dir, "data", "oilfield.db")}`,
    DATABASE_CREATE_DIR: "true",
    PORT: "0",
  };
  return { dir, binary: join(app, "oilfield-mcp"), env };
}

test("the binary alone, with no node on PATH: /health, SDK tool call, refusal, restart keeps data", async () => {
  const { dir, binary, env } = copyAlone();
  try {
    assert.deepEqual(readdirSync(join(dir, "app")), ["oilfield-mcp"]);
    assert.notEqual(
      spawnSync("node", ["--version"], { env }).status,
      0,
      "no node reachable through PATH",
    );
    const first = await spawnServer(binary, [], { cwd: join(dir, "app"), env });
    let id: number;
    let well: string;
    try {
      assert.match(first.stdout(), /油田钻井数据MCP Server/);
      await driveServer(first.url);
      well = await firstWell(first.url);
      id = await addRecord(first.url, well, "2032-03-04");
    } finally {
      await first.stop();
    }
    assert.deepEqual(
      readdirSync(join(dir, "app")),
      ["oilfield-mcp"],
      "nothing written beside the binary",
    );
    const cache = join(dir, "home", ".cache", "oilfield-mcp");
    const [sum] = readdirSync(cache);
    assert.match(sum, /^[0-9a-f]{64}$/);
    assert.equal(statSync(cache).mode & 0o777, 0o700);
    assert.equal(statSync(join(cache, sum)).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(join(cache, sum)), ["libsql-linux-x64-gnu.node"]);

    const second = await spawnServer(binary, [], { cwd: join(dir, "app"), env });
    try {
      assert.deepEqual(
        (await readRecords(second.url, well, "2032-03-04")).map((r) => r.id),
        [id],
        "the record survived the restart",
      );
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--version, --help (variables with defaults) and an unknown option", () => {
  const { dir, binary, env } = copyAlone();
  try {
    const version = spawnSync(binary, ["--version"], { env, encoding: "utf8" });
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^oilfield-mcp \d+\.\d+\.\d+\n$/);
    const help = spawnSync(binary, ["--help"], { env, encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^ {2}PORT +监听端口 listen port \[默认 default: 8080\]$/m);
    assert.match(help.stdout, /^ {2}LOG_FILE /m);
    const bad = spawnSync(binary, ["--frobnicate"], { env, encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option "--frobnicate"/);
    assert.equal(bad.stdout, "", "the server did not start");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("cleanup of the build directory", () => {
  rmSync(buildDir, { recursive: true, force: true });
});
