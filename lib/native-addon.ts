import process from "node:process";
import { cachedFile } from "./native-cache.ts";

/**
 * Loads a native addon from its bytes, on Node and on Deno: written once to a private cache dir
 * (lib/native-cache.ts, keyed by its sha256), then dlopen'd. The single executable and the
 * one-file bundle both load the libSQL driver through this.
 */
export function loadNativeAddon(bytes: Uint8Array, name: string): unknown {
  return loadNativeFile(cachedFile(bytes, name));
}

/** dlopens the native addon at `file`, on Node and on Deno. */
export function loadNativeFile(file: string): unknown {
  const module: { exports: unknown } = { exports: {} };
  process.dlopen(module, file);
  return module.exports;
}
