import { Buffer } from "node:buffer";
import { gunzipSync } from "node:zlib";
import { loadNativeFile } from "./native-addon.ts";
import { cachedFile } from "./native-cache.ts";

/** The libSQL addons a bundle carries: driver target (`linux-x64-gnu`, …) → the addon gzip'd, in base64. */
export type EmbeddedAddons = Readonly<Record<string, string>>;

/**
 * Writes the libSQL native addon for `target` (as libsql's own loader names the platform) from the
 * addons embedded in dist/oilfield-mcp.mjs by scripts/build.mjs to the private cache, once, and
 * returns its path; a platform the bundle does not carry is refused with a message naming it and
 * the ones it does carry.
 */
export function libsqlFileFromBundle(target: string, addons: EmbeddedAddons): string {
  const packed = Object.hasOwn(addons, target) ? addons[target] : undefined;
  if (packed === undefined) {
    const carried = Object.keys(addons).join(", ") || "none";
    throw new Error(
      `本文件不含平台 "${target}" 的 libSQL 本地驱动（含 ${carried}）：请在该平台上 npm run build，或使用远程 DATABASE_URL / ` +
        `this bundle carries no libSQL native driver for platform "${target}" (it carries: ${carried}): build it on that platform (npm run build), or use a remote DATABASE_URL (libsql://…, https://…)`,
    );
  }
  return cachedFile(new Uint8Array(gunzipSync(Buffer.from(packed, "base64"))), `libsql-${target}.node`);
}

/** Loads the libSQL native addon for `target` from the bundle (see {@link libsqlFileFromBundle}). */
export function loadLibsqlFromBundle(target: string, addons: EmbeddedAddons): unknown {
  return loadNativeFile(libsqlFileFromBundle(target, addons));
}
