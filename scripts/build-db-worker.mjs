// Builds the code of a database worker thread (lib/db/worker-main.ts) as one CommonJS string, for
// the builds to carry inside the server (esbuild define OILFIELD_DB_WORKER_CODE): each thread
// evaluates only this, not the whole server. `plugins` decide how it loads the libSQL addon.
import { build } from "esbuild";
import { NODE_CJS } from "./build-shared.mjs";

/**
 * `code` (esbuild's minified output) with every non-ASCII character written as a `\u` escape.
 * esbuild escapes them in strings, templates and identifiers (charset "ascii") but not in regular
 * expression literals, and one such character makes V8 keep the whole source as UTF-16 (twice the
 * memory) after a slow UTF-8 decode. In a regular expression `\uXXXX` matches the same code unit
 * (a pair of them the same astral character under the u flag); an identity escape of the
 * character (`\。`) becomes its `\u` escape alone.
 */
export function asciiOnly(code) {
  return code.replace(
    // deno-lint-ignore no-control-regex -- every UTF-16 code unit outside ASCII, one at a time (no u flag on purpose)
    /(\\*)([^\x00-\x7f])/g,
    (_, slashes, char) =>
      `${slashes.length % 2 === 1 ? slashes.slice(1) : slashes}\\u${
        char.charCodeAt(0).toString(16).padStart(4, "0")
      }`,
  );
}

/** The worker's bundled code; `define` as esbuild's. */
export async function buildDbWorkerCode(plugins, define = {}) {
  const result = await build({
    entryPoints: ["lib/db/worker-main.ts"],
    write: false,
    ...NODE_CJS,
    charset: "ascii",
    define,
    plugins,
    logLevel: "error",
  });
  return asciiOnly(result.outputFiles[0].text);
}
