import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { driveServer } from "../helpers/drive.ts";
import { denoExecutable, nodeExecutable, run } from "../helpers/executables.ts";
import { baseEnv, spawnServer } from "../helpers/spawn-server.ts";

// Built once for the file, by the real build script, into a temp dir (dist/ is left alone).
const buildDir = mkdtempSync(join(tmpdir(), "oilfield-bundle-build-"));
run(nodeExecutable(), ["scripts/build.mjs", `--outdir=${buildDir}`]);
const SHIPPED = ["oilfield-mcp.mjs", "libsql-linux-x64-gnu.node"];

/** The two shipped files, alone in a fresh directory. */
function copyAlone(): string {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-bundle-"));
  for (const file of SHIPPED) copyFileSync(join(buildDir, file), join(dir, file));
  return dir;
}

const runtimes = [
  { name: "node", command: () => nodeExecutable(), args: (file: string) => [file] },
  { name: "deno", command: () => denoExecutable(), args: (file: string) => ["run", "-A", file] },
];

for (const runtime of runtimes) {
  test(`the bundle alone in an empty directory serves /health, an MCP tool call and a refusal on ${runtime.name}`, async () => {
    const dir = copyAlone();
    assert.deepEqual(readdirSync(dir).sort(), [...SHIPPED].sort());
    const server = await spawnServer(runtime.command(), runtime.args(join(dir, "oilfield-mcp.mjs")), {
      cwd: dir,
      env: baseEnv({ PORT: "0", DATABASE_URL: `file:${join(dir, "data", "oilfield.db")}`, DATABASE_CREATE_DIR: "true" }),
    });
    try {
      await driveServer(server.url);
      assert.match(server.stdout(), /油田钻井数据MCP Server/);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("without the addon beside it, the bundle says which file is missing and what to do", async () => {
  const dir = copyAlone();
  rmSync(join(dir, "libsql-linux-x64-gnu.node"));
  try {
    await assert.rejects(
      spawnServer(nodeExecutable(), [join(dir, "oilfield-mcp.mjs")], { cwd: dir, env: baseEnv({ PORT: "0", DATABASE_URL: `file:${join(dir, "o.db")}` }) }),
      (e: Error) => {
        assert.match(e.message, /libSQL native driver not found: put libsql-linux-x64-gnu\.node beside/);
        assert.match(e.message, /or use a remote DATABASE_URL/);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("cleanup of the build directory", () => {
  rmSync(buildDir, { recursive: true, force: true });
});
