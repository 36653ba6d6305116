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

/**
 * Opens a fresh database in a new temporary directory: migrated, or with `migrated: false` empty
 * (for tests of the migrations themselves).
 */
export async function openTempDb(
  { migrated = true }: { migrated?: boolean } = {},
): Promise<TempDb> {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-write-"));
  const path = join(dir, "oilfield.db");
  const db = await openDatabase({ url: `file:${path}`, kind: "file", path });
  if (migrated) await migrate(db);
  return {
    db,
    dir,
    url: `file:${path}`,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every live row of `table` ordered by its natural key, without bookkeeping timestamps (for before/after comparisons). */
export async function snapshot(db: Db, table: string): Promise<unknown[]> {
  const rs = await db.execute(`SELECT * FROM ${table} ORDER BY rowid`);
  return rs.rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
}
