import { test } from "node:test";
import assert from "node:assert/strict";
import { generateDemoData } from "../../lib/seed/generate.ts";

test("the demo data is the same every time and physically plausible", () => {
  const a = generateDemoData();
  assert.deepEqual(a, generateDemoData());
  assert.equal(a.wells.length, 12);
  assert.ok(a.wells.some((w) => w.well_id === "W001"));
  assert.equal(new Set(a.wells.map((w) => w.block)).size, 3);
  for (const well of a.wells) {
    const rows = a.daily.filter((r) => r.well_id === well.well_id);
    assert.ok(rows.length >= 10, `${well.well_id} has a few weeks of reports`);
    for (let i = 1; i < rows.length; i++) {
      assert.ok(Number(rows[i].depth_m) >= Number(rows[i - 1].depth_m), "depth never decreases");
      assert.ok(Number(rows[i].npt_h) + Number(rows[i].drilling_hours_h) <= 24);
    }
  }
  const rop = (f: string) => {
    const r = a.daily.filter((d) => String(d.formation).includes(f) && d.rop_m_h !== null).map((d) => Number(d.rop_m_h));
    return r.reduce((x, y) => x + y, 0) / r.length;
  };
  assert.ok(rop("八道湾") < rop("塔西河") / 2, "八道湾组 drills slowly");
  const npt = (id: string) => a.daily.filter((d) => d.well_id === id).reduce((s, d) => s + Number(d.npt_h), 0);
  assert.ok(npt("W005") > 2 * npt("W001"), "W005 is NPT-heavy");
  assert.notDeepEqual(generateDemoData({ seed: 7 }).daily, a.daily);
});
