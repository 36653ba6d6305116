import { test } from "node:test";
import assert from "node:assert/strict";
import { migrate, MIGRATIONS } from "../../../lib/db/migrations/index.ts";
import { DRILLING_DAILY } from "../../../lib/schema/drilling-daily.ts";
import { openTempDb } from "../../helpers/temp-db.ts";
import { WELLS } from "../../../lib/schema/wells.ts";

test("migrations apply once, in order, and the tables hold every metadata column", async () => {
  const { db, close } = await openTempDb({ migrated: false });
  try {
    assert.deepEqual(await migrate(db), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(await migrate(db), []);
    for (const table of [WELLS, DRILLING_DAILY]) {
      const cols = (await db.execute(`PRAGMA table_info(${table.name})`)).rows.map((r) => r.name);
      for (const c of table.columns) {
        assert.ok(cols.includes(c.name), `${table.name}.${c.name} exists`);
      }
    }
    assert.equal((await db.execute("PRAGMA journal_mode")).rows[0].journal_mode, "wal");
    assert.equal(
      (await db.execute("PRAGMA synchronous")).rows[0].synchronous,
      1,
      "NORMAL: synced at checkpoints in WAL mode",
    );
  } finally {
    await close();
  }
});
