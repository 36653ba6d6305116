import { getRawAsset } from "node:sea";
import { loadNativeFile } from "./load-addon.ts";
import { cachedFileOf } from "./cache.ts";

// Set by scripts/build-bin.mjs: the checksum and size of each addon the executable carries.
declare const OILFIELD_SEA_ADDONS:
  | Readonly<Record<string, { sha256: string; size: number }>>
  | undefined;

/**
 * Loads the libSQL native addon the single executable carries as an asset (only bundled into
 * dist/oilfield-mcp by scripts/build-bin.mjs): a start whose private cache dir already holds it
 * whole (lib/native/cache.ts) dlopens that without touching the asset; otherwise the asset is
 * checked and written there once.
 */
export function loadLibsqlFromSea(target: string): unknown {
  const name = `libsql-${target}.node`;
  const carried =
    typeof OILFIELD_SEA_ADDONS === "object" && Object.hasOwn(OILFIELD_SEA_ADDONS, name)
      ? OILFIELD_SEA_ADDONS[name]
      : undefined;
  if (!carried) {
    throw new Error(
      `本程序不含 ${name} / this executable carries no "${name}" (built for another platform?): build it on this platform (npm run build:bin)`,
    );
  }
  return loadNativeFile(cachedFileOf({ name, ...carried }, () => {
    try {
      return new Uint8Array(getRawAsset(name));
    } catch (error) {
      throw new Error(
        `本程序不含 ${name} / this executable carries no "${name}" (built for another platform?): ${
          (error as Error).message
        }`,
      );
    }
  }));
}
