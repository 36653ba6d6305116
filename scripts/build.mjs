// Bundles the server into one file, dist/oilfield-mcp.mjs, that runs on Node and on
// Deno. The libSQL native addon cannot live inside JavaScript: it is copied beside
// the bundle as dist/libsql-<target>.node and loaded from there.
// Usage: node scripts/build.mjs [--outdir=DIR]   (default dist)
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { buildDbWorkerCode } from "./build-db-worker.mjs";

const require = createRequire(import.meta.url);
const outdir = process.argv.find((a) => a.startsWith("--outdir="))?.slice("--outdir=".length) ?? "dist";
const target = `${process.platform}-${process.arch}-${process.platform === "linux" ? "gnu" : ""}`.replace(/-$/, "");

const nativeBesideBundle = {
  name: "libsql-native-beside-bundle",
  setup(b) {
    b.onLoad({ filter: /[\\/]libsql[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replace("return require(`@libsql/${target}`);", "return __oilfieldLoadLibsql(target);");
      if (patched === source) throw new Error(`libsql/index.js changed: its native require was not found in ${args.path}`);
      return { contents: patched, loader: "js" };
    });
  },
};

// In a database thread the addon is looked for in the directory the bundle passes (its own).
const nativeForWorker = {
  name: "libsql-native-for-worker",
  setup(b) {
    b.onLoad({ filter: /[\\/]libsql[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const load = `(() => {
        const dir = require("node:worker_threads").workerData?.nativeDir;
        const beside = dir && require("node:path").join(dir, "libsql-" + target + ".node");
        if (beside && require("node:fs").existsSync(beside)) return require(beside);
        try { return require("@libsql/" + target); } catch (error) {
          throw new Error("找不到 libSQL 本地驱动 / libSQL native driver not found: put libsql-" + target + ".node beside " + (dir ? require("node:path").join(dir, "oilfield-mcp.mjs") : "the bundle") + " (npm run build copies it), or use a remote DATABASE_URL", { cause: error });
        }
      })()`;
      const patched = source.replace("return require(`@libsql/${target}`);", `return ${load};`);
      if (patched === source) throw new Error(`libsql/index.js changed: its native require was not found in ${args.path}`);
      return { contents: patched, loader: "js" };
    });
  },
};

// Runs first in the bundle: a `require` for the CommonJS parts, and the native loader.
const banner = `
import { createRequire as __oilfieldCreateRequire } from "node:module";
import { existsSync as __oilfieldExists } from "node:fs";
import { fileURLToPath as __oilfieldPath } from "node:url";
const require = __oilfieldCreateRequire(import.meta.url);
function __oilfieldLoadLibsql(target) {
  const beside = __oilfieldPath(new URL("./libsql-" + target + ".node", import.meta.url));
  if (__oilfieldExists(beside)) return require(beside);
  try { return require("@libsql/" + target); } catch (error) {
    throw new Error("找不到 libSQL 本地驱动 / libSQL native driver not found: put libsql-" + target + ".node beside " + __oilfieldPath(import.meta.url) + " (npm run build copies it), or use a remote DATABASE_URL", { cause: error });
  }
}`;

// The chart documents inline their drawing code, generated from node_modules first.
const assets = spawnSync(process.execPath, [new URL("./gen-chart-assets.mjs", import.meta.url).pathname], { stdio: "inherit" });
if (assets.status !== 0) throw new Error("scripts/gen-chart-assets.mjs failed");
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["main.ts"],
  outfile: `${outdir}/oilfield-mcp.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  sourcemap: "linked",
  legalComments: "linked",
  banner: { js: banner },
  // The database threads (lib/db-worker-entry.ts) evaluate only their own code, carried as a string.
  define: { OILFIELD_DB_WORKER_CODE: JSON.stringify(await buildDbWorkerCode([nativeForWorker])) },
  plugins: [nativeBesideBundle],
  logLevel: "warning",
});
const addon = require.resolve(`@libsql/${target}/index.node`);
copyFileSync(addon, `${outdir}/libsql-${target}.node`);
const size = (f) => `${f} ${(statSync(f).size / 1024).toFixed(0)} KiB`;
console.log(`${size(`${outdir}/oilfield-mcp.mjs`)} + ${size(`${outdir}/libsql-${target}.node`)}`);
