// What the builds (build.mjs, build-bin.mjs, build-db-worker.mjs) share: esbuild's options for a
// CommonJS bundle on Node 24, the build platform's libSQL target, and the rewrite of libsql's
// native `require` that each build points at its own copy of the addon.
import { readFileSync } from "node:fs";
import { checksum } from "../lib/native/cache.ts";

/** This machine's libSQL platform as libsql names its packages, e.g. `linux-x64-gnu`, `darwin-arm64`. */
export const BUILD_TARGET = `${process.platform}-${process.arch}-${
  process.platform === "linux" ? "gnu" : ""
}`.replace(/-$/, "");

/** esbuild options of a minified CommonJS bundle for Node 24, without legal comments. */
export const NODE_CJS = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node24",
  minify: true,
  legalComments: "none",
};

/**
 * Makes esbuild load libsql/index.js with its native `require(`@libsql/${target}`)` replaced by
 * `expression` (JavaScript that may use libsql's own `target`); fails the build if libsql changed.
 */
export function replaceLibsqlRequire(b, expression) {
  b.onLoad({ filter: /[\\/]libsql[\\/]index\.js$/ }, (args) => {
    const source = readFileSync(args.path, "utf8");
    const patched = source.replace("return require(`@libsql/${target}`);", `return ${expression};`);
    if (patched === source) {
      throw new Error(`libsql/index.js changed: its native require was not found in ${args.path}`);
    }
    return { contents: patched, loader: "js" };
  });
}

/**
 * Makes libsql load its addon through `specifier`'s `loader(target)`, `specifier` resolving to
 * `resolved` (an esbuild onResolve result).
 */
export function libsqlThrough(b, specifier, loader, resolved) {
  replaceLibsqlRequire(b, `require(${JSON.stringify(specifier)}).${loader}(target)`);
  b.onResolve({ filter: new RegExp(`^${specifier}$`) }, () => resolved);
}

/** What the loader checks a carried addon against (lib/native/cache.ts): its sha256 and size. */
export function addonSpec(bytes) {
  return { sha256: checksum(bytes), size: bytes.byteLength };
}
