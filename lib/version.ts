import { readFileSync } from "node:fs";

// Replaced by the binary build (esbuild define); source runs read package.json.
declare const OILFIELD_VERSION: string | undefined;

/** The server's version: package.json's, baked in when bundled. */
export function serverVersion(): string {
  if (typeof OILFIELD_VERSION === "string") return OILFIELD_VERSION;
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
