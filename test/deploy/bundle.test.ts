import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { driveServer } from "../helpers/drive.ts";
import { denoExecutable, nodeExecutable, run } from "../helpers/executables.ts";
import { baseEnv, spawnServer } from "../helpers/spawn-server.ts";

// Built once for the file, by the real build script, into a temp dir (dist/ is left alone).
const buildDir = mkdtempSync(join(tmpdir(), "oilfield-bundle-build-"));
run(nodeExecutable(), ["scripts/build.mjs", `--outdir=${buildDir}`]);
const BUNDLE = "oilfield-mcp.mjs";

/** The bundle alone in a fresh directory, with a fresh HOME for the addon cache. */
function copyAlone(): { dir: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-bundle-"));
  copyFileSync(join(buildDir, BUNDLE), join(dir, BUNDLE));
  return { dir, home: mkdtempSync(join(tmpdir(), "oilfield-bundle-home-")) };
}

const runtimes = [
  { name: "node", command: () => nodeExecutable(), args: (file: string) => [file] },
  { name: "deno", command: () => denoExecutable(), args: (file: string) => ["run", "-A", file] },
];

for (const runtime of runtimes) {
  test(`oilfield-mcp.mjs alone in an empty directory serves /health, an MCP tool call and a refusal on ${runtime.name}, twice`, async () => {
    const { dir, home } = copyAlone();
    assert.deepEqual(readdirSync(dir), [BUNDLE]);
    try {
      // The second start reuses the addon the first one wrote to the cache.
      for (const round of [1, 2]) {
        const server = await spawnServer(runtime.command(), runtime.args(join(dir, BUNDLE)), {
          cwd: dir,
          env: baseEnv({
            HOME: home,
            TMPDIR: home,
            PORT: "0",
            DATABASE_URL: `file:${join(dir, "data", "oilfield.db")}`,
            DATABASE_CREATE_DIR: "true",
          }),
        });
        try {
          await driveServer(server.url);
          assert.match(server.stdout(), /油田钻井数据MCP Server/, `round ${round}`);
        } finally {
          await server.stop();
        }
      }
      const [hash] = readdirSync(join(home, ".cache", "oilfield-mcp"));
      assert.match(hash, /^[0-9a-f]{64}$/, "the addon is cached under its sha256");
      assert.deepEqual(readdirSync(join(home, ".cache", "oilfield-mcp", hash)), [
        `libsql-${process.platform}-${process.arch}-gnu.node`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
}

test("the bundle carries the build platform's libSQL driver and names the platforms it carries", () => {
  const text = readFileSync(join(buildDir, BUNDLE), "utf8");
  const tail = text.lastIndexOf("/*oilfield-addons:v1\n");
  assert.ok(tail > 0, "the addons ride in a comment at the end");
  assert.match(
    text.slice(tail),
    new RegExp(`\n${process.platform}-${process.arch}-gnu:H4sI`),
    "the gzip'd addon of the build platform is inside",
  );
  assert.match(
    text.slice(0, tail),
    new RegExp(
      `"${process.platform}-${process.arch}-gnu":\\{"?sha256"?:"[0-9a-f]{64}","?size"?:[0-9.e+]+\\}`,
    ),
    "the code knows its checksum and size only",
  );
  const nonAscii = /[^\p{ASCII}]/u.exec(text);
  assert.equal(
    nonAscii,
    null,
    `the bundle is ASCII only (the engine keeps a non-ASCII source as UTF-16), found "${
      nonAscii?.[0]
    }" at ${nonAscii?.index}`,
  );
  assert.doesNotMatch(text, /libsql-native-beside-bundle|put libsql-linux-x64-gnu\.node beside/);
});

test("cleanup of the build directory", () => {
  rmSync(buildDir, { recursive: true, force: true });
});
