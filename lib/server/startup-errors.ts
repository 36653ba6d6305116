import { access, constants, mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Config, DatabaseLocation } from "../config/config.ts";

/** A start-up failure a person can act on: its message is one bilingual line naming the value and the fix. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** The database as a person wrote it, without credentials in a remote URL. */
export function shownDatabase(location: DatabaseLocation): string {
  if (location.kind === "memory") return ":memory:";
  return location.kind === "file"
    ? `file:${location.path}`
    : location.url.replace(/\/\/[^@/]*@/, "//***@");
}

const isMissing = (error: unknown) => (error as { code?: string })?.code === "ENOENT";

/**
 * Checks a local database file before it is opened: a missing directory is refused unless
 * `createDirectory` (the default path, or DATABASE_CREATE_DIR=true), so a typo never
 * silently creates a new database; an unwritable one is named with the fix.
 */
export async function checkDatabaseFile(
  location: DatabaseLocation,
  createDirectory: boolean,
): Promise<void> {
  if (location.kind !== "file" || !location.path) return;
  const file = resolve(location.path);
  const dir = dirname(file);
  const shown = `DATABASE_URL="${shownDatabase(location)}"`;
  const dirInfo = await stat(dir).catch((
    error,
  ) => (isMissing(error) ? null : Promise.reject(error)));
  if (!dirInfo) {
    if (createDirectory) return await createDirectoryOf(dir, shown);
    throw new StartupError(
      `数据库目录 "${dir}" 不存在（${shown}）：请检查路径是否拼写正确，或先创建该目录，或设置 DATABASE_CREATE_DIR=true 以自动创建 / ` +
        `the database directory "${dir}" does not exist (${shown}): check the path for a typo, create the directory, or set DATABASE_CREATE_DIR=true to create it`,
    );
  }
  if (!dirInfo.isDirectory()) {
    throw new StartupError(
      `"${dir}" 不是目录（${shown}）/ "${dir}" is not a directory (${shown}): point DATABASE_URL into a directory`,
    );
  }
  const fileExists = await stat(file).then(
    () => true,
    (error) => (isMissing(error) ? false : Promise.reject(error)),
  );
  // SQLite writes its -wal and -shm files next to the database: the directory must be writable too.
  const writable =
    await access(dir, constants.W_OK | constants.X_OK).then(() => true, () => false) &&
    (!fileExists ||
      await access(file, constants.R_OK | constants.W_OK).then(() => true, () => false));
  if (!writable) {
    throw new StartupError(
      `数据库目录 "${dir}" 不可写（${shown}）：请让运行本服务的用户可写该目录及其中的数据库文件，例如 chown / ` +
        `the database directory "${dir}" is not writable (${shown}) by the user running this server: make the directory and its database files writable by that user (e.g. chown), or choose another DATABASE_URL`,
    );
  }
}

// Level by level: Node's recursive mkdir loops forever under /proc (ENOENT on a parent that exists).
async function createDirectoryOf(dir: string, shown: string): Promise<void> {
  const parent = dirname(dir);
  if (parent !== dir && !(await stat(parent).then(() => true, () => false))) {
    await createDirectoryOf(parent, shown);
  }
  await mkdir(dir).catch((error) => {
    if ((error as { code?: string }).code === "EEXIST") return;
    throw new StartupError(
      `无法创建数据库目录 "${dir}"（${shown}，${
        (error as { code?: string }).code ?? error
      }）：请检查路径，或先手动创建该目录 / ` +
        `cannot create the database directory "${dir}" (${shown}, ${
          (error as { code?: string }).code ?? error
        }): check the path or create the directory yourself`,
      { cause: error },
    );
  });
}

/** The one line for a database that could not be opened or migrated, or null when the error is not about reaching it. */
export function databaseFailureLine(location: DatabaseLocation, error: unknown): string | null {
  const e = error as {
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const text = `${e?.code ?? ""} ${e?.message ?? ""} ${e?.cause?.code ?? ""} ${
    e?.cause?.message ?? ""
  }`;
  const shown = `"${shownDatabase(location)}"`;
  if (
    location.kind === "remote" &&
    /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|SERVER_ERROR|HRANA|WEBSOCKET|connect/i
      .test(text)
  ) {
    const reason = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
    return `无法连接数据库 ${shown}（${reason}）：请检查 DATABASE_URL 的主机和端口、数据库服务是否在运行，以及 DATABASE_AUTH_TOKEN / ` +
      `cannot reach the database ${shown} (${reason}): check DATABASE_URL's host and port, that sqld/Turso is running and reachable, and DATABASE_AUTH_TOKEN`;
  }
  if (
    location.kind === "file" &&
    /SQLITE_CANTOPEN|ConnectionFailed|unable to open database file|\b14\)|EACCES|EROFS|EPERM|ENOENT/i
      .test(text)
  ) {
    return `无法打开数据库文件 ${shown}：请确认目录存在且运行本服务的用户可读写该目录和文件 / ` +
      `cannot open the database file ${shown}: make sure its directory exists and is readable and writable by the user running this server, or choose another DATABASE_URL`;
  }
  return null;
}

/** The one line for a port that could not be bound, or null for another error. */
export function listenFailureLine(
  config: Pick<Config, "host" | "port">,
  error: unknown,
): string | null {
  const e = error as { code?: string; name?: string; message?: string };
  const where = `${config.host}:${config.port}`;
  if (e?.code === "EADDRINUSE" || e?.name === "AddrInUse") {
    return `端口 ${config.port} 已被占用（${where}）：请停止占用该端口的进程，或设置其他 PORT / port ${config.port} is already in use (${where}): stop the process using it or set another PORT`;
  }
  if (e?.code === "EACCES" || e?.name === "PermissionDenied") {
    return `无权监听 ${where}：1024 以下的端口需要特权，请改用 PORT=8080 等 / not allowed to listen on ${where}: ports below 1024 need privileges; set e.g. PORT=8080`;
  }
  if (e?.code === "EADDRNOTAVAIL" || e?.name === "AddrNotAvailable") {
    return `本机没有地址 HOST="${config.host}" / this host has no address HOST="${config.host}": use 127.0.0.1, 0.0.0.0 or one of this host's addresses`;
  }
  return null;
}
