import { test } from "node:test";
import assert from "node:assert/strict";
import { migrate } from "../../../lib/db/migrations/index.ts";
import { openTempDb } from "../../helpers/temp-db.ts";
import { WELL_PLANS } from "../../../lib/schema/well-plans.ts";

test("well_plans holds every metadata column, one point per well and day, no negative day or depth", async () => {
  const { db, close } = await openTempDb({ migrated: false });
  try {
    assert.ok((await migrate(db)).includes(4));
    const cols = (await db.execute("PRAGMA table_info(well_plans)")).rows.map((r) => r.name);
    for (const c of WELL_PLANS.columns) {
      assert.ok(cols.includes(c.name), `well_plans.${c.name} exists`);
    }
    await db.execute(
      "INSERT INTO well_plans (well_id, day, depth_m) VALUES ('W1', 0, 0), ('W1', 2.5, 300)",
    );
    await assert.rejects(
      db.execute("INSERT INTO well_plans (well_id, day, depth_m) VALUES ('W1', 2.5, 400)"),
      /UNIQUE|PRIMARY/i,
    );
    await assert.rejects(
      db.execute("INSERT INTO well_plans (well_id, day, depth_m) VALUES ('W1', -1, 10)"),
      /CHECK/i,
    );
    await assert.rejects(
      db.execute("INSERT INTO well_plans (well_id, day, depth_m) VALUES ('W1', 3, -10)"),
      /CHECK/i,
    );
  } finally {
    await close();
  }
});
