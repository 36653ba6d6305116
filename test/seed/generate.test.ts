import { test } from "node:test";
import assert from "node:assert/strict";
import { generateDemoData } from "../../lib/seed/generate.ts";
import { normalizeWellId } from "../../lib/words/well-id.ts";

test("the demo data is the same every time and physically plausible", () => {
  const a = generateDemoData();
  assert.deepEqual(a, generateDemoData());
  const named = a.wells.filter((w) => /^W\d{3}$/.test(String(w.well_id)));
  assert.equal(named.length, 12);
  assert.equal(new Set(named.map((w) => w.block)).size, 3);
  for (const well of named) {
    const rows = a.daily.filter((r) => r.well_id === well.well_id);
    assert.ok(rows.length >= 10, `${well.well_id} has a few weeks of reports`);
    for (let i = 1; i < rows.length; i++) {
      assert.ok(Number(rows[i].depth_m) >= Number(rows[i - 1].depth_m), "depth never decreases");
      assert.ok(Number(rows[i].npt_h) + Number(rows[i].drilling_hours_h) <= 24);
    }
  }
  const rop = (f: string) => {
    const r = a.daily.filter((d) => String(d.formation).includes(f) && d.rop_m_h !== null).map((
      d,
    ) => Number(d.rop_m_h));
    return r.reduce((x, y) => x + y, 0) / r.length;
  };
  assert.ok(rop("八道湾") < rop("塔西河") / 2, "八道湾组 drills slowly");
  const npt = (id: string) =>
    a.daily.filter((d) => d.well_id === id).reduce((s, d) => s + Number(d.npt_h), 0);
  assert.ok(npt("W005") > 2 * npt("W001"), "W005 is NPT-heavy");
  assert.notDeepEqual(generateDemoData({ seed: 7 }).daily, a.daily);
});

test("W001–W012 are exactly what they were before the field-like part was added", () => {
  const all = generateDemoData();
  const named = generateDemoData({ field: false });
  assert.equal(named.wells.length, 12);
  assert.deepEqual(all.wells.slice(0, 12), named.wells);
  assert.deepEqual(all.daily.slice(0, named.daily.length), named.daily);
  assert.equal(named.wells[0].name, "石南201");
  assert.deepEqual(named.wells.slice(0, 4).map((w) => w.block), ["石南", "石南", "石南", "石南"]);
});

test("the field-like part looks like the field's data", () => {
  const a = generateDemoData();
  assert.ok(a.wells.length > 200, "more than 200 wells in the master");
  const master = new Set(a.wells.map((w) => w.well_id));
  const orphans = new Set(a.daily.filter((r) => !master.has(r.well_id)).map((r) => r.well_id));
  assert.ok(orphans.size >= 3, "some reports name wells missing from the master");
  assert.ok(a.wells.some((w) => /[\u4e00-\u9fff]/.test(String(w.well_id))), "Chinese well ids");
  assert.ok(
    new Set(a.wells.map((w) => w.exploration_project)).size >= 3,
    "several exploration projects",
  );
  const text = a.daily.map((r) => r.main_work).join("\n");
  for (const word of ["卡钻", "井漏", "溢流", "等停", "修理"]) {
    assert.ok(text.includes(word), `main work mentions ${word}`);
  }
  const fieldRows = a.daily.filter((r) => !/^W\d{3}$/.test(String(r.well_id)));
  assert.ok(
    fieldRows.every((r) => r.npt_h === undefined && r.rpm === undefined),
    "field rows carry only the field's columns",
  );
  const keyWells = new Set(a.key_well_daily.map((r) => r.well_id));
  assert.ok(
    keyWells.size >= 5 &&
      [...keyWells].every((id) => a.wells.find((w) => w.well_id === id)?.is_key_well === 1),
  );
  const keys = new Set(
    a.key_well_daily.map((r) => `${r.well_id}|${r.report_date}|${r.horizon}|${r.layer_no}`),
  );
  assert.equal(keys.size, a.key_well_daily.length, "key-well natural keys are unique");
  assert.ok(a.pre_drilling.length >= 10);
  // Typed examples stay unambiguous: only 中102 contains 102.
  const ids = new Set([...master, ...orphans].map((id) => normalizeWellId(String(id))));
  assert.deepEqual([...ids].filter((id) => id.includes("102")), ["中102"]);
});
