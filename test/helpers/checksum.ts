import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/db.ts";

/** A SHA-256 over the schema and every row of every table, except the tables named in `skip` (and their sequence). */
export async function databaseChecksum(
  db: Db,
  skip: readonly string[] = ["audit_log"],
): Promise<string> {
  const hash = createHash("sha256");
  const objects =
    (await db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")).rows;
  for (const o of objects) {
    hash.update(`${o.type} ${o.name} ${o.sql}\n`);
    if (o.type !== "table" || skip.includes(String(o.name))) continue;
    const sql = o.name === "sqlite_sequence"
      ? `SELECT * FROM sqlite_sequence WHERE name NOT IN (${
        skip.map(() => "?").join(", ")
      }) ORDER BY name`
      // A WITHOUT ROWID table is ordered by its primary key, which comes first in every such table here.
      : / WITHOUT ROWID\s*$/i.test(String(o.sql))
      ? `SELECT * FROM "${o.name}" ORDER BY 1, 2`
      : `SELECT * FROM "${o.name}" ORDER BY rowid`;
    hash.update(
      JSON.stringify((await db.execute(sql, o.name === "sqlite_sequence" ? [...skip] : [])).rows),
    );
  }
  return hash.digest("hex");
}
