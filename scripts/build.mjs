// Bundles the server into ONE file, dist/oilfield-mcp.mjs, that runs alone on Node 24 and on Deno.
// The libSQL native addon of every platform installed in node_modules (at least the build
// platform's) rides at its end in a comment, gzip'd and base64'd; the code knows only each one's
// sha256 and size. A start whose private per-user cache dir (keyed by the sha256) already holds the
// running platform's addon whole dlopens it without reading the comment; otherwise it is read back
// from this file, checked and written there once (lib/native/bundle-addon.ts). A platform it does not
// carry is named at start. The file is ASCII only: one non-ASCII character makes the engine decode
// and keep the whole text as UTF-16 (twice the memory, and a slow decode at every start).
// Usage: node scripts/build.mjs [--outdir=DIR]   (default dist)
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { addonTail } from "../lib/native/bundle-addon.ts";
import { asciiOnly, buildDbWorkerCode } from "./build-db-worker.mjs";
import { addonSpec, BUILD_TARGET, libsqlThrough, replaceLibsqlRequire } from "./build-shared.mjs";

const require = createRequire(import.meta.url);
const outdir = process.argv.find((a) => a.startsWith("--outdir="))?.slice("--outdir=".length) ??
  "dist";

// Every platform the libSQL driver has a package for (libsql's optionalDependencies).
const libsqlDir = dirname(require.resolve("libsql"));
const targets = Object.keys(
  JSON.parse(readFileSync(`${libsqlDir}/package.json`, "utf8")).optionalDependencies,
)
  .map((name) => name.slice("@libsql/".length));
const libsqlRequire = createRequire(`${libsqlDir}/index.js`);
const addons = {};
const carried = {};
for (const target of targets) {
  let file;
  try {
    file = libsqlRequire.resolve(`@libsql/${target}/index.node`);
  } catch {
    continue; // not installed here: npm installs only the platforms this machine can run
  }
  const bytes = readFileSync(file);
  addons[target] = bytes;
  carried[target] = addonSpec(bytes);
}
if (!addons[BUILD_TARGET]) throw new Error(`@libsql/${BUILD_TARGET} is not installed: run npm ci`);

// Set when lib/db/native-dir.ts is replaced: a bundle without it starts only beside node_modules.
let nativeDirReplaced = false;
const embedAddons = {
  name: "libsql-native-embedded",
  setup(b) {
    libsqlThrough(b, "oilfield:libsql-native", "loadLibsql", {
      path: "libsql-native",
      namespace: "oilfield",
    });
    b.onLoad({ filter: /.*/, namespace: "oilfield" }, () => ({
      contents: `import { libsqlFileFromBundle, loadLibsqlFromBundle } from ${
        JSON.stringify(resolve("lib/native/bundle-addon.ts"))
      };
import { currentTarget } from "@neon-rs/load";
import { familySync, GLIBC } from "detect-libc";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
// Each carried addon's checksum and size; the bytes are in the comment at the end of this file.
const ADDONS = ${JSON.stringify(carried)};
const bundleFile = () => fileURLToPath(import.meta.url);
export function loadLibsql(target) { return loadLibsqlFromBundle(target, ADDONS, bundleFile()); }
// The target as libsql's own loader names it (node_modules/libsql/index.js), for the database threads.
function libsqlTarget() {
  const target = currentTarget();
  return familySync() === GLIBC ? target.replace(/^(linux-(?:x64|arm64))-musl$/, "$1-gnu") : target;
}
// Each database thread asks; the addon is unpacked and its checksum verified once per process.
let workersDir;
export function libsqlDirForWorkers() { return (workersDir ??= dirname(libsqlFileFromBundle(libsqlTarget(), ADDONS, bundleFile()))); }`,
      loader: "js",
      resolveDir: libsqlDir,
    }));
    // The database threads get the directory of the extracted addon from the main thread.
    b.onLoad({ filter: /[\\/]lib[\\/]db[\\/]native-dir\.ts$/ }, () => {
      nativeDirReplaced = true;
      return {
        contents: 'export { libsqlDirForWorkers } from "oilfield:libsql-native";',
        loader: "js",
      };
    });
  },
};

// In a database thread the addon is loaded from the directory the main thread extracted it to.
const nativeForWorker = {
  name: "libsql-native-for-worker",
  setup(b) {
    replaceLibsqlRequire(
      b,
      `(() => {
        const dir = require("node:worker_threads").workerData?.nativeDir;
        const beside = dir && require("node:path").join(dir, "libsql-" + target + ".node");
        if (beside && require("node:fs").existsSync(beside)) return require(beside);
        try { return require("@libsql/" + target); } catch (error) {
          throw new Error("找不到 libSQL 本地驱动 libsql-" + target + ".node（" + dir + "）/ libSQL native driver libsql-" + target + ".node not found in " + JSON.stringify(String(dir)) + ": rebuild with npm run build on this platform, or use a remote DATABASE_URL", { cause: error });
        }
      })()`,
    );
  },
};

// Runs first in the bundle: a `require` for the CommonJS parts, and the native loader.
const banner = `
import { createRequire as __oilfieldCreateRequire } from "node:module";
const require = __oilfieldCreateRequire(import.meta.url);`;

// The chart documents inline their drawing code, generated from node_modules first.
const assets = spawnSync(process.execPath, [
  new URL("./gen-chart-assets.mjs", import.meta.url).pathname,
], { stdio: "inherit" });
if (assets.status !== 0) throw new Error("scripts/gen-chart-assets.mjs failed");
mkdirSync(outdir, { recursive: true });
const built = await build({
  entryPoints: ["main.ts"],
  outfile: `${outdir}/oilfield-mcp.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  minify: true,
  sourcemap: "linked",
  legalComments: "linked",
  banner: { js: banner },
  // The database threads (lib/db/worker-entry.ts) evaluate only their own code, carried as a string.
  define: { OILFIELD_DB_WORKER_CODE: JSON.stringify(await buildDbWorkerCode([nativeForWorker])) },
  plugins: [embedAddons],
  charset: "ascii",
  write: false,
  logLevel: "warning",
});
if (!nativeDirReplaced) {
  throw new Error(
    "lib/db/native-dir.ts was not replaced: scripts/build.mjs's filter no longer matches its path",
  );
}
const file = `${outdir}/oilfield-mcp.mjs`;
for (const out of built.outputFiles) {
  if (out.path !== resolve(file)) {
    writeFileSync(out.path, out.contents);
    continue;
  }
  // The addons go after the code, before the source map line (which tools look for last).
  const code = asciiOnly(out.text);
  const mapLine = code.lastIndexOf("\n//# sourceMappingURL=");
  const tail = addonTail(addons);
  writeFileSync(
    out.path,
    mapLine < 0 ? code + tail : code.slice(0, mapLine) + tail + code.slice(mapLine + 1),
  );
}
// Left by builds before the addon went inside the bundle; nothing reads it now.
for (const old of targets) {
  if (existsSync(`${outdir}/libsql-${old}.node`)) rmSync(`${outdir}/libsql-${old}.node`);
}
console.log(
  `${file} ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB, libSQL driver inside for: ${
    Object.keys(addons).join(", ")
  }`,
);
