// Builds the code of a database worker thread (lib/db-worker-main.ts) as one CommonJS string, for
// the builds to carry inside the server (esbuild define OILFIELD_DB_WORKER_CODE): each thread
// evaluates only this, not the whole server. `plugins` decide how it loads the libSQL addon.
import { build } from "esbuild";
import { NODE_CJS } from "./build-shared.mjs";

/** The worker's bundled code. */
export async function buildDbWorkerCode(plugins) {
  const result = await build({
    entryPoints: ["lib/db-worker-main.ts"],
    write: false,
    ...NODE_CJS,
    plugins,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}
