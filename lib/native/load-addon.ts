/**
 * The libSQL native addon: carried at the end of the one-file bundle or as an asset of the
 * single binary, unpacked once into a private per-user cache checked by sha256, and loaded on
 * Node and on Deno.
 *
 * @module
 */
import process from "node:process";
import { cachedFile } from "./cache.ts";

/**
 * Loads a native addon from its bytes, on Node and on Deno: written once to a private cache dir
 * (lib/native/cache.ts, keyed by its sha256), then dlopen'd. The single executable and the
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
