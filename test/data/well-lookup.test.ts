import { test } from "node:test";
import assert from "node:assert/strict";
import { openDatabase } from "../../lib/db/db.ts";
import { createSqlWellLookup } from "../../lib/data/well-lookup.ts";
import { migrate } from "../../lib/db/migrations/index.ts";
import { resolveWellId } from "../../lib/words/well-id.ts";

// [typed, kind, well id or candidates]
const CASES: [string, string, string | string[]][] = [
  ["石南301", "exact", "石南301"],
  [" 石南301 ", "normalized", "石南301"],
  ["１０２井", "contains", "中102"],
  ["中102井", "normalized", "中102"],
  ["w001", "normalized", "W001"],
  ["石南201", "name", "W001"],
  ["玛页", "prefix", "玛页1"],
  ["石南30", "ambiguous", ["石南301", "石南302"]],
  ["乐探9", "none", ""],
];

test("the SQL lookup finds wells of the master and of the daily tables as people type them", async () => {
  const db = await openDatabase({ url: ":memory:", kind: "memory" });
  try {
    await migrate(db);
    await db.execute(
      "INSERT INTO wells (well_id, name) VALUES ('W001', '石南201'), ('石南301', NULL), ('石南302', NULL), ('中102', NULL)",
    );
    await db.execute(
      "INSERT INTO drilling_daily (well_id, report_date) VALUES ('玛页1', '2026-11-01'), ('玛页1', '2026-11-02')",
    );
    await db.execute("INSERT INTO wells (well_id, deleted_at) VALUES ('乐探9', '2026-01-01')");
    const lookup = createSqlWellLookup(db);
    for (const [typed, kind, expected] of CASES) {
      const m = await resolveWellId(typed, lookup);
      assert.equal(m.kind, kind, `"${typed}"`);
      if (m.kind === "ambiguous") assert.deepEqual(m.candidates, expected);
      else if (m.kind !== "none") assert.equal(m.wellId, expected, `"${typed}"`);
    }
    const plan = await db.execute(
      "EXPLAIN QUERY PLAN SELECT well_id FROM wells WHERE well_key = 'W001'",
    );
    assert.match(
      String(plan.rows.map((r) => r.detail).join(" ")),
      /USING (COVERING )?INDEX wells_well_key/,
    );
  } finally {
    db.close();
  }
});
