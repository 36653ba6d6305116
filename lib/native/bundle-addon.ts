import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { loadNativeFile } from "./load-addon.ts";
import { cachedFileOf } from "./cache.ts";

/** What the bundle knows of a libSQL addon it carries: its sha256 (hex) and length, built in. */
export interface CarriedAddon {
  readonly sha256: string;
  readonly size: number;
}

/** The libSQL addons a bundle carries: driver target (`linux-x64-gnu`, …) → its checksum and size. */
export type CarriedAddons = Readonly<Record<string, CarriedAddon>>;

/** First line of the comment at the end of dist/oilfield-mcp.mjs that carries the addons. */
export const ADDON_TAIL_START = "/*oilfield-addons:v1\n";

/**
 * The comment scripts/build.mjs appends to the bundle: one line per target, `<target>:<gzip, base64>`.
 * The addons are not JavaScript values: the engine only skips the comment when it compiles the
 * bundle, and the bytes are read back from the file ({@link readCarriedAddon}) only when the
 * cache lacks them (decoding 13 MB of string literals took over a second at every start).
 */
export function addonTail(addons: Readonly<Record<string, Uint8Array>>): string {
  const lines = Object.entries(addons).map(([target, bytes]) =>
    `${target}:${gzipSync(bytes, { level: 9 }).toString("base64")}\n`
  );
  return `\n${ADDON_TAIL_START}${lines.join("")}*/\n`;
}

/** The addon for `target` read back from the tail of the bundle file `bundleFile` (see {@link addonTail}). */
export function readCarriedAddon(bundleFile: string, target: string): Uint8Array {
  const text = readFileSync(bundleFile, "latin1");
  const tail = text.lastIndexOf(ADDON_TAIL_START);
  const key = `\n${target}:`;
  const at = tail < 0 ? -1 : text.indexOf(key, tail + ADDON_TAIL_START.length - 1);
  const end = at < 0 ? -1 : text.indexOf("\n", at + key.length);
  if (end < 0) {
    throw new Error(
      `本文件末尾的 libSQL 本地驱动 "${target}" 不完整 / the libSQL native driver "${target}" at the end of "${bundleFile}" is missing or cut short: copy the whole file again (npm run build makes it)`,
    );
  }
  return new Uint8Array(gunzipSync(Buffer.from(text.slice(at + key.length, end), "base64")));
}

/**
 * Returns the path of the libSQL native addon for `target` (as libsql's own loader names the
 * platform) in the private cache: when it is already there whole (lib/native/cache.ts), without
 * touching the copy in the bundle; else read from the end of `bundleFile`, checked and written
 * once. A platform the bundle does not carry is refused with a message naming it and the ones it
 * does carry.
 */
export function libsqlFileFromBundle(
  target: string,
  addons: CarriedAddons,
  bundleFile: string,
): string {
  const carried = Object.hasOwn(addons, target) ? addons[target] : undefined;
  if (carried === undefined) {
    const names = Object.keys(addons).join(", ") || "none";
    throw new Error(
      `本文件不含平台 "${target}" 的 libSQL 本地驱动（含 ${names}）：请在该平台上 npm run build，或使用远程 DATABASE_URL / ` +
        `this bundle carries no libSQL native driver for platform "${target}" (it carries: ${names}): build it on that platform (npm run build), or use a remote DATABASE_URL (libsql://…, https://…)`,
    );
  }
  return cachedFileOf(
    { name: `libsql-${target}.node`, ...carried },
    () => readCarriedAddon(bundleFile, target),
  );
}

/** Loads the libSQL native addon for `target` from the bundle (see {@link libsqlFileFromBundle}). */
export function loadLibsqlFromBundle(
  target: string,
  addons: CarriedAddons,
  bundleFile: string,
): unknown {
  return loadNativeFile(libsqlFileFromBundle(target, addons, bundleFile));
}
