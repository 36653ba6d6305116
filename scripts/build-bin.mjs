// Builds dist/oilfield-mcp: one Linux executable holding the Node 24 that runs this script, the
// server (bin.ts bundled as CommonJS: Node 24's single executable applications take a CommonJS
// main, and Node 24 has no `--build-sea` yet, so the blob is made with --experimental-sea-config
// and injected with postject) and the libSQL native addon as an asset, extracted on first use to a
// private cache dir (lib/native/load-addon.ts).
// Usage: node scripts/build-bin.mjs [--outdir=DIR]   (default dist)
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { inject } from "postject";
import { asciiOnly, buildDbWorkerCode } from "./build-db-worker.mjs";
import { addonSpec, BUILD_TARGET, libsqlThrough, NODE_CJS } from "./build-shared.mjs";

const require = createRequire(import.meta.url);
if (Number(process.versions.node.split(".")[0]) < 24) {
  throw new Error(
    `the executable embeds the Node that builds it: run this with Node 24 (npm run build:bin), not ${process.version}`,
  );
}
const outdir = resolve(
  process.argv.find((a) => a.startsWith("--outdir="))?.slice("--outdir=".length) ?? "dist",
);
const target = BUILD_TARGET;
const work = join(outdir, ".sea");

const seaPlugin = {
  name: "oilfield-sea",
  setup(b) {
    // libsql asks for @libsql/<target>; in the executable the addon comes from the embedded asset.
    libsqlThrough(b, "oilfield:sea-addon", "loadLibsqlFromSea", {
      path: resolve("lib/native/sea-addon.ts"),
    });
    // ws tries these optional native helpers inside try/catch; a failed require in an executable
    // prints a warning, so they are bundled as modules that throw (ws then uses its JS fallback).
    b.onResolve(
      { filter: /^(bufferutil|utf-8-validate)$/ },
      (args) => ({ path: args.path, namespace: "absent" }),
    );
    b.onLoad(
      { filter: /.*/, namespace: "absent" },
      (args) => ({
        contents: `throw new Error("${args.path} is not in the executable");`,
        loader: "js",
      }),
    );
    // CommonJS has no top-level await: run main.ts's body in an async function, imports kept on top.
    b.onLoad({ filter: /[\\/]main\.ts$/ }, (args) => {
      if (args.path !== resolve("main.ts")) return undefined;
      const source = readFileSync(args.path, "utf8");
      const imports = source.match(
        /^import\s[\s\S]*?from\s*["'][^"']+["'];?[ \t]*$|^import\s*["'][^"']+["'];?[ \t]*$/gm,
      ) ?? [];
      let body = source;
      for (const line of imports) body = body.replace(line, "");
      const contents = `${
        imports.join("\n")
      }\nvoid (async () => {\n${body}\n})().catch((error) => { console.error(error); globalThis.process.exit(1); });\n`;
      return { contents, loader: "ts" };
    });
  },
};

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// The code knows the addon's checksum and size, so a start that finds it in the cache reads no asset.
const addon = require.resolve(`@libsql/${target}/index.node`);
const addonBytes = readFileSync(addon);
const seaAddons = {
  [`libsql-${target}.node`]: addonSpec(addonBytes),
};
// The database threads (lib/db/worker-entry.ts) evaluate their own code, carried as a string:
// the executable has no script file to start them from. They load the addon from the asset too.
const workerCode = await buildDbWorkerCode([seaPlugin], {
  OILFIELD_SEA_ADDONS: JSON.stringify(seaAddons),
});
const script = join(work, "oilfield-mcp.cjs");
const main = await build({
  entryPoints: ["bin.ts"],
  outfile: script,
  ...NODE_CJS,
  define: {
    OILFIELD_DB_WORKER_CODE: JSON.stringify(workerCode),
    OILFIELD_SEA_ADDONS: JSON.stringify(seaAddons),
  },
  plugins: [seaPlugin],
  charset: "ascii",
  write: false,
  logLevel: "error",
});
// ASCII only: V8 keeps a source holding one non-ASCII character as UTF-16 (scripts/build-db-worker.mjs).
writeFileSync(script, asciiOnly(main.outputFiles[0].text));

const blob = join(work, "sea-prep.blob");
writeFileSync(
  join(work, "sea-config.json"),
  JSON.stringify({
    main: script,
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    assets: { [`libsql-${target}.node`]: addon },
  }),
);
const prep = spawnSync(process.execPath, [
  "--experimental-sea-config",
  join(work, "sea-config.json"),
], { encoding: "utf8" });
if (prep.status !== 0) {
  throw new Error(`node --experimental-sea-config failed:\n${prep.stdout}${prep.stderr}`);
}

const out = join(outdir, "oilfield-mcp");
rmSync(out, { force: true });
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);
await inject(out, "NODE_SEA_BLOB", readFileSync(blob), {
  sentinelFuse: "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
});
rmSync(work, { recursive: true, force: true });
console.log(
  `${out} ${
    (statSync(out).size / 1024 / 1024).toFixed(1)
  } MiB (node ${process.version}, libsql-${target}.node inside)`,
);
