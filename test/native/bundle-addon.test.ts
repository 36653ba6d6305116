import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import {
  addonTail,
  libsqlFileFromBundle,
  loadLibsqlFromBundle,
} from "../../lib/native/bundle-addon.ts";

const target = `${process.platform}-${process.arch}-gnu`;
const addonPath = createRequire(join(process.cwd(), "node_modules", "libsql", "index.js")).resolve(
  `@libsql/${target}/index.node`,
);
const addon = readFileSync(addonPath);
const tail = addonTail({ [target]: addon });
const carried = {
  [target]: { sha256: createHash("sha256").update(addon).digest("hex"), size: addon.byteLength },
};

/** A bundle-like file: some code, then the addons' comment as scripts/build.mjs appends it. */
function withBundle(fn: (dir: string, bundle: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-addon-home-"));
  const saved = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  process.env.HOME = dir;
  process.env.TMPDIR = dir;
  try {
    const bundle = join(dir, "oilfield-mcp.mjs");
    writeFileSync(bundle, `export const x = 1;${tail}//# sourceMappingURL=oilfield-mcp.mjs.map\n`);
    fn(dir, bundle);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a platform the bundle does not carry is named at start, with the ones it carries and what to do", () => {
  assert.throws(
    () => loadLibsqlFromBundle("darwin-arm64", carried, "/nonexistent/oilfield-mcp.mjs"),
    (e: Error) => {
      assert.match(e.message, /本文件不含平台 "darwin-arm64" 的 libSQL 本地驱动/);
      assert.match(
        e.message,
        new RegExp(
          `this bundle carries no libSQL native driver for platform "darwin-arm64" \\(it carries: ${target}\\)`,
        ),
      );
      assert.match(
        e.message,
        /build it on that platform \(npm run build\), or use a remote DATABASE_URL/,
      );
      return true;
    },
  );
  assert.throws(
    () => loadLibsqlFromBundle("toString", {}, "/nonexistent/oilfield-mcp.mjs"),
    /platform "toString" \(it carries: none\)/,
    "no inherited property counts as an addon",
  );
});

test("the carried addon is written once to the private cache under its sha256 and loaded", () =>
  withBundle((home, bundle) => {
    const driver = loadLibsqlFromBundle(target, carried, bundle) as Record<string, unknown>;
    assert.equal(typeof driver.databaseOpen, "function", "the libSQL driver's functions are there");
    const [hash] = readdirSync(join(home, ".cache", "oilfield-mcp"));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(readdirSync(join(home, ".cache", "oilfield-mcp", hash)), [
      `libsql-${target}.node`,
    ]);
  }));

test("a start whose cache holds the addon whole does not read the copy in the bundle", () =>
  withBundle((_home, bundle) => {
    const file = libsqlFileFromBundle(target, carried, bundle);
    const first = statSync(file);
    rmSync(bundle);
    assert.equal(
      libsqlFileFromBundle(target, carried, bundle),
      file,
      "found in the cache, the bundle file not needed",
    );
    assert.equal(statSync(file).ino, first.ino, "not rewritten");
  }));

test("a partial or changed cached addon is detected and written again from the bundle", () =>
  withBundle((_home, bundle) => {
    const file = libsqlFileFromBundle(target, carried, bundle);
    chmodSync(file, 0o600);
    writeFileSync(file, addon.subarray(0, 1000)); // cut short, as a full disk would leave it
    assert.equal(libsqlFileFromBundle(target, carried, bundle), file);
    assert.deepEqual(readFileSync(file), addon, "whole again");
    chmodSync(file, 0o600);
    const changed = Buffer.from(addon);
    changed[5000] ^= 0xff; // same size, one byte changed
    writeFileSync(file, changed);
    assert.equal(libsqlFileFromBundle(target, carried, bundle), file);
    assert.deepEqual(readFileSync(file), addon, "the changed byte is restored");
  }));

test("a bundle cut short (its addons missing) or carrying a damaged addon says so instead of loading it", () =>
  withBundle((home, bundle) => {
    const text = readFileSync(bundle, "latin1");
    writeFileSync(bundle, text.slice(0, text.indexOf(`${target}:`) + 100), "latin1");
    assert.throws(() => libsqlFileFromBundle(target, carried, bundle), (e: Error) => {
      assert.match(
        e.message,
        new RegExp(
          `the libSQL native driver "${target}" at the end of ".*oilfield-mcp\\.mjs" is missing or cut short: copy the whole file again`,
        ),
      );
      return true;
    });
    const other = { [target]: { ...carried[target], sha256: "0".repeat(64) } };
    writeFileSync(bundle, `export const x = 1;${tail}`);
    assert.throws(
      () => libsqlFileFromBundle(target, other, bundle),
      /the carried native driver "libsql-.*\.node" is damaged \(its checksum is not "0{64}"\)/,
    );
    for (const dir of readdirSync(join(home, ".cache", "oilfield-mcp"))) {
      assert.deepEqual(
        readdirSync(join(home, ".cache", "oilfield-mcp", dir)),
        [],
        "no addon file cached",
      );
    }
  }));
