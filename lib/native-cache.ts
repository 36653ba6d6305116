import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

/** The checksum naming a cached file's directory: sha256, hex. */
export function checksum(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Where the binary keeps its extracted native addon: ~/.cache/oilfield-mcp, else a per-user dir in the temp dir. */
export function cacheBases(): string[] {
  const bases: string[] = [];
  const home = homedir();
  if (home) bases.push(join(home, ".cache", "oilfield-mcp"));
  bases.push(join(tmpdir(), `oilfield-mcp-${process.getuid?.() ?? "user"}`));
  return bases;
}

/** Creates `dir` 0700 if missing; refuses one that is a symlink, not ours, or open to others. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  const problem = !st.isDirectory() ? "is not a directory"
    : uid !== undefined && st.uid !== uid ? `belongs to uid ${st.uid}, not ${uid}`
    : (st.mode & 0o077) !== 0 ? `has mode ${(st.mode & 0o777).toString(8)}, open to other users`
    : null;
  if (problem) {
    throw new Error(`缓存目录 "${dir}" 不安全 / cache directory "${dir}" ${problem}: remove it (rm -rf "${dir}") and start again; it is recreated private (0700)`);
  }
}

function verified(file: string, sum: string): boolean {
  if (!existsSync(file)) return false;
  const st = lstatSync(file);
  return st.isFile() && (st.mode & 0o022) === 0 && checksum(readFileSync(file)) === sum;
}

/**
 * Writes `bytes` once to `<base>/<sha256>/<name>` in a private (0700) directory and returns the
 * path; later calls find the file, check its checksum and reuse it. The file is written under a
 * temporary name and renamed, so a concurrent start never loads half a file. Tries each base of
 * {@link cacheBases} (or `bases`) until one is writable.
 */
export function cachedFile(bytes: Uint8Array, name: string, bases: readonly string[] = cacheBases()): string {
  const sum = checksum(bytes);
  const failures: string[] = [];
  for (const base of bases) {
    try {
      ensurePrivateDir(base);
      const dir = join(base, sum);
      ensurePrivateDir(dir);
      const file = join(dir, name);
      if (verified(file, sum)) return file;
      rmSync(file, { force: true });
      const partial = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString("hex")}`);
      writeFileSync(partial, bytes, { mode: 0o500, flag: "wx" });
      chmodSync(partial, 0o500);
      renameSync(partial, file);
      return file;
    } catch (error) {
      if ((error as Error).message.includes("不安全")) throw error;
      failures.push(`${base}: ${(error as Error).message}`);
    }
  }
  throw new Error(`无法写出本地驱动 / cannot write the native driver "${name}" to a cache directory (${failures.join("; ")}): give the user a writable HOME or temp dir`);
}
