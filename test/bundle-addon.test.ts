import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { gzipSync } from "node:zlib";
import { loadLibsqlFromBundle } from "../lib/bundle-addon.ts";

const target = `${process.platform}-${process.arch}-gnu`;
const addonPath = createRequire(join(process.cwd(), "node_modules", "libsql", "index.js")).resolve(`@libsql/${target}/index.node`);
const packed = gzipSync(readFileSync(addonPath)).toString("base64");

test("a platform the bundle does not carry is named at start, with the ones it carries and what to do", () => {
  assert.throws(
    () => loadLibsqlFromBundle("darwin-arm64", { [target]: packed }),
    (e: Error) => {
      assert.match(e.message, /本文件不含平台 "darwin-arm64" 的 libSQL 本地驱动/);
      assert.match(e.message, new RegExp(`this bundle carries no libSQL native driver for platform "darwin-arm64" \\(it carries: ${target}\\)`));
      assert.match(e.message, /build it on that platform \(npm run build\), or use a remote DATABASE_URL/);
      return true;
    },
  );
  assert.throws(() => loadLibsqlFromBundle("toString", {}), /platform "toString" \(it carries: none\)/, "no inherited property counts as an addon");
});

test("the carried addon is written once to the private cache under its sha256 and loaded", () => {
  const home = mkdtempSync(join(tmpdir(), "oilfield-addon-home-"));
  const saved = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  process.env.HOME = home;
  process.env.TMPDIR = home;
  try {
    const driver = loadLibsqlFromBundle(target, { [target]: packed }) as Record<string, unknown>;
    assert.equal(typeof driver.databaseOpen, "function", "the libSQL driver's functions are there");
    const [hash] = readdirSync(join(home, ".cache", "oilfield-mcp"));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(readdirSync(join(home, ".cache", "oilfield-mcp", hash)), [`libsql-${target}.node`]);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(home, { recursive: true, force: true });
  }
});
