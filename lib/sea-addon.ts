import { getAsset } from "node:sea";
import { loadNativeAddon } from "./native-addon.ts";

/**
 * Loads the libSQL native addon the single executable carries as an asset (only bundled into
 * dist/oilfield-mcp by scripts/build-bin.mjs): extracted once to a private cache dir, then dlopen'd.
 */
export function loadLibsqlFromSea(target: string): unknown {
  const name = `libsql-${target}.node`;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(getAsset(name));
  } catch (error) {
    throw new Error(`本程序不含 ${name} / this executable carries no "${name}" (built for another platform?): ${(error as Error).message}`);
  }
  return loadNativeAddon(bytes, name);
}
