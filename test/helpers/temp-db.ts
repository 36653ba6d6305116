import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../lib/db/db.ts";
import type { Db } from "../../lib/db/db.ts";
import { migrate } from "../../lib/db/migrations/index.ts";

/** A libSQL file under os.tmpdir(), its DATABASE_URL, and a way to remove it. */
export interface TempDb {
  readonly db: Db;
  readonly dir: string;
  readonly url: string;
  close(): Promise<void>;
}

/** Where a database file may be made: a path in a new temporary directory, and a way to remove that directory. */
export interface TempDbLocation {
  /** The file's location, for openDatabase and its kin (the file itself does not exist yet). */
  readonly location: { readonly url: string; readonly kind: "file"; readonly path: string };
  readonly dir: string;
  remove(): Promise<void>;
}

/** A fresh temporary directory and the location of a database file in it, for tests that open the database themselves. */
export async function tempDbLocation(): Promise<TempDbLocation> {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-db-"));
  const path = join(dir, "oilfield.db");
  return {
    location: { url: `file:${path}`, kind: "file", path },
    dir,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Opens a fresh database in a new temporary directory: migrated, or with `migrated: false` empty
 * (for tests of the migrations themselves).
 */
export async function openTempDb(
  { migrated = true }: { migrated?: boolean } = {},
): Promise<TempDb> {
  const { location, dir, remove } = await tempDbLocation();
  const db = await openDatabase(location);
  if (migrated) await migrate(db);
  return {
    db,
    dir,
    url: location.url,
    async close() {
      db.close();
      await remove();
    },
  };
}

/** Every live row of `table` ordered by its natural key, without bookkeeping timestamps (for before/after comparisons). */
export async function snapshot(db: Db, table: string): Promise<unknown[]> {
  const rs = await db.execute(`SELECT * FROM ${table} ORDER BY rowid`);
  return rs.rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
}
