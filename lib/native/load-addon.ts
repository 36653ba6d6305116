/**
 * Loading the libSQL native addon once it is unpacked into its private cache (lib/native/cache.ts):
 * the one-file bundle and the single binary both dlopen it through here, on Node and on Deno.
 *
 * @module
 */
import process from "node:process";

/** dlopens the native addon at `file`, on Node and on Deno. */
export function loadNativeFile(file: string): unknown {
  const module: { exports: unknown } = { exports: {} };
  process.dlopen(module, file);
  return module.exports;
}
