import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
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
  const problem = !st.isDirectory()
    ? "is not a directory"
    : uid !== undefined && st.uid !== uid
    ? `belongs to uid ${st.uid}, not ${uid}`
    : (st.mode & 0o077) !== 0
    ? `has mode ${(st.mode & 0o777).toString(8)}, open to other users`
    : null;
  if (problem) {
    throw new Error(
      `缓存目录 "${dir}" 不安全 / cache directory "${dir}" ${problem}: remove it (rm -rf "${dir}") and start again; it is recreated private (0700)`,
    );
  }
}

/** What a cached file must be: its sha256 (hex) and its length in bytes. */
export interface CachedFileSpec {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * The modification time (s) a cached file is given once its checksum is verified, derived from the
 * checksum: a later start that finds the file with this mtime and the expected size trusts it
 * without reading it (reading and hashing 10 MB took tens of ms at every start). A file changed
 * in place, truncated, or left by an older version has another mtime, so it is hashed again.
 */
export function verifiedStamp(sha256: string): number {
  return 1_000_000_000 + Number.parseInt(sha256.slice(0, 7), 16);
}

/**
 * True when `file` is the cached file `spec` describes: a regular file no one else may write, of
 * the right size, and either stamped as verified or matching the checksum (then stamped).
 */
function usable(file: string, spec: CachedFileSpec): boolean {
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (!st || !st.isFile() || (st.mode & 0o022) !== 0 || st.size !== spec.size) return false;
  const stamp = verifiedStamp(spec.sha256);
  if (Math.trunc(st.mtimeMs / 1000) === stamp) return true;
  if (checksum(readFileSync(file)) !== spec.sha256) return false;
  try {
    utimesSync(file, stamp, stamp);
  } catch {
    // A read-only cache (file system or file) still serves; it is just hashed again next time.
  }
  return true;
}

/**
 * Returns `<base>/<sha256>/<name>` of the first writable base of {@link cacheBases} (or `bases`),
 * private (0700) directories, writing it from `bytes()` only when the file is not already there
 * whole: a file with the size and the verified-stamp mtime ({@link verifiedStamp}) is used as it is,
 * any other (partial, changed, older) is checked by its checksum and rewritten when that differs.
 * `bytes()` must give exactly the file `spec` describes (else the error says so). The file is
 * written under a temporary name and renamed, so a concurrent start never loads half a file.
 */
export function cachedFileOf(
  spec: CachedFileSpec,
  bytes: () => Uint8Array,
  bases: readonly string[] = cacheBases(),
): string {
  const failures: string[] = [];
  let content: Uint8Array | undefined;
  for (const base of bases) {
    try {
      ensurePrivateDir(base);
      const dir = join(base, spec.sha256);
      ensurePrivateDir(dir);
      const file = join(dir, spec.name);
      if (usable(file, spec)) return file;
      if (!content) {
        content = bytes();
        if (content.byteLength !== spec.size || checksum(content) !== spec.sha256) {
          throw new Error(
            `本地驱动 "${spec.name}" 已损坏 / the carried native driver "${spec.name}" is damaged (its checksum is not "${spec.sha256}"): download or build this program again`,
          );
        }
      }
      rmSync(file, { force: true });
      const partial = join(dir, `.${spec.name}.${process.pid}.${randomBytes(6).toString("hex")}`);
      writeFileSync(partial, content, { mode: 0o500, flag: "wx" });
      chmodSync(partial, 0o500);
      const stamp = verifiedStamp(spec.sha256);
      utimesSync(partial, stamp, stamp);
      renameSync(partial, file);
      return file;
    } catch (error) {
      const message = (error as Error).message;
      if (message.includes("不安全") || message.includes("已损坏")) throw error;
      failures.push(`${base}: ${message}`);
    }
  }
  throw new Error(
    `无法写出本地驱动 / cannot write the native driver "${spec.name}" to a cache directory (${
      failures.join("; ")
    }): give the user a writable HOME or temp dir`,
  );
}

/**
 * Writes `bytes` once to `<base>/<sha256>/<name>` (see {@link cachedFileOf}) and returns the path;
 * later calls find the file and reuse it.
 */
export function cachedFile(
  bytes: Uint8Array,
  name: string,
  bases: readonly string[] = cacheBases(),
): string {
  return cachedFileOf(
    { name, sha256: checksum(bytes), size: bytes.byteLength },
    () => bytes,
    bases,
  );
}
