// The npm registry reachable here serves only this machine's platform build of some
// packages (e.g. @deno/linux-x64-glibc), so `npm install` leaves the other
// platforms' optional packages out of package-lock.json and `npm ci` then refuses
// the lock. This adds those entries back, marked optional with their os/cpu, so
// `npm ci` skips them on any other machine as it would have anyway.
// Run after every `npm install`: node scripts/fix-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
const OS = { darwin: "darwin", linux: "linux", win32: "win32", freebsd: "freebsd" };
let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${where}/${key}`]) continue;
    const m = /\/(darwin|linux|win32|freebsd)-(x64|arm64|ia32|arm)(?:-(glibc|musl))?$/.exec(name);
    if (!m) throw new Error(`cannot derive the platform of missing optional package "${name}"`);
    packages[key] = {
      version,
      cpu: [m[2]],
      ...(entry.dev ? { dev: true } : {}),
      ...(m[3] ? { libc: [m[3]] } : {}),
      optional: true,
      os: [OS[m[1]]],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort((
    [a],
    [b],
  ) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lock: added ${added} optional platform entries`);
