import { test } from "node:test";
import assert from "node:assert/strict";
import { benchDaily, benchWells } from "../../bench/data.ts";

test("the bench field has exactly the records asked for, one per well and day, over the well master's wells", () => {
  const options = { records: 5000, wells: 20, seed: 3 };
  const rows = [...benchDaily(options)].flat();
  assert.equal(rows.length, 5000);
  const wells = new Set(benchWells(options).map((w) => w.well_id));
  assert.equal(wells.size, 20);
  const keys = new Set<string>();
  for (const r of rows) {
    assert.ok(wells.has(String(r.well_id)), `${r.well_id} is in the master`);
    const key = `${r.well_id} ${r.report_date}`;
    assert.ok(!keys.has(key), `one report per well and day: ${key}`);
    keys.add(key);
    assert.ok(String(r.spud_date) <= String(r.report_date));
  }
  assert.deepEqual([...benchDaily(options)].flat(), rows, "same options, same rows");
});
