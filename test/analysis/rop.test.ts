import { test } from "node:test";
import assert from "node:assert/strict";
import { ropByGroup } from "../../lib/analysis/rop.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";
import { assertFields } from "../helpers/assert-fields.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected}, got ${actual}`,
  );

// Formation A = 沙溪庙组 (W1), B = 须家河组 (W2), plus one row with no formation.
const ROWS: DrillingRecord[] = [
  {
    well_id: "W1",
    report_date: "2023-05-01",
    formation: "沙溪庙组",
    bit_type: "PDC",
    footage_m: 100,
    rop_m_h: 10,
    drilling_hours_h: 10,
  },
  {
    well_id: "W1",
    report_date: "2023-05-02",
    formation: "沙溪庙组",
    bit_type: "PDC",
    footage_m: 300,
    rop_m_h: 20,
    drilling_hours_h: 15,
  },
  {
    well_id: "W1",
    report_date: "2023-05-03",
    formation: "沙溪庙组",
    bit_type: "PDC",
    footage_m: 0,
    rop_m_h: null,
  },
  {
    well_id: "W2",
    report_date: "2023-06-01",
    formation: "须家河组",
    bit_type: "牙轮",
    footage_m: 50,
    rop_m_h: 5,
    on_bottom_hours_cum_h: 100,
  },
  {
    well_id: "W2",
    report_date: "2023-06-02",
    formation: "须家河组",
    bit_type: "牙轮",
    footage_m: 60,
    rop_m_h: 6,
    on_bottom_hours_cum_h: 110,
  },
  {
    well_id: "W2",
    report_date: "2023-06-03",
    formation: " 须家河组 ",
    bit_type: "牙轮",
    footage_m: 40,
    rop_m_h: 4,
  },
  { well_id: "W3", report_date: "2023-07-01", formation: null, footage_m: 80, rop_m_h: 0 },
];

test("per-formation figures match the hand calculation", () => {
  const r = ropByGroup(ROWS, "formation");
  assert.deepEqual(r.groups.map((g) => g.group), ["须家河组", "沙溪庙组", null]); // slowest first, no-ROP group last
  const [b, a, none] = r.groups;
  // A: weighted (10·100 + 20·300)/400 = 17.5; time-based 400 m / (10+15) h = 16
  assertFields(a, {
    rows: 3,
    rows_with_rop: 2,
    rows_without_rop: 1,
    metres_drilled_m: 400,
    on_bottom_hours_h: 25,
  });
  close(a.rop_footage_weighted_m_h, 17.5);
  close(a.rop_time_based_m_h, 16);
  close(a.rop_median_m_h, 15); // median of 10, 20
  close(a.rop_p10_m_h, 11); // h = 0.1 → 10 + 0.1·10
  close(a.rop_p90_m_h, 19);
  // B: weighted (5·50 + 6·60 + 4·40)/150 = 770/150; hours only on 06-02 (110 − 100 = 10 h) → 60/10 = 6
  assert.deepEqual([b.rows, b.rows_with_rop, b.metres_drilled_m, b.on_bottom_hours_h], [
    3,
    3,
    150,
    10,
  ]);
  close(b.rop_footage_weighted_m_h, 770 / 150);
  close(b.rop_time_based_m_h, 6);
  close(b.rop_median_m_h, 5);
  close(b.rop_p10_m_h, 4.2); // sorted 4 5 6, h = 0.2
  close(b.rop_p90_m_h, 5.8); // h = 1.8
  // the row without formation has ROP 0: counted, but in no ROP figure
  assertFields(none, {
    rows: 1,
    rows_without_rop: 1,
    metres_drilled_m: 80,
    rop_footage_weighted_m_h: null,
    rop_median_m_h: null,
  });
});

test("totals over all rows and the headline name the slowest, fastest and missing ROP", () => {
  const r = ropByGroup(ROWS, "formation");
  assertFields(r.total, {
    rows: 7,
    rows_without_rop: 2,
    metres_drilled_m: 630,
    on_bottom_hours_h: 35,
  });
  close(r.total.rop_footage_weighted_m_h, 7770 / 550); // row W3 has footage but no ROP: not in the weights
  close(r.total.rop_time_based_m_h, 460 / 35);
  close(r.total.rop_median_m_h, 6); // 4 5 6 10 20
  close(r.total.rop_p10_m_h, 4.4);
  close(r.total.rop_p90_m_h, 16);
  assert.equal(
    r.headline,
    "按地层：最慢 须家河组 5.1 m/h，最快 沙溪庙组 17.5 m/h（进尺加权）；2 行缺少钻速 / " +
      "by formation: slowest 须家河组 5.1 m/h, fastest 沙溪庙组 17.5 m/h (footage-weighted); 2 rows lacked ROP",
  );
});

test("time-based mean never exceeds the footage-weighted mean on the same days", () => {
  for (const g of ropByGroup(ROWS.slice(0, 2), "well_id").groups) {
    assert.ok(g.rop_time_based_m_h! <= g.rop_footage_weighted_m_h!);
  }
});

test("other groupings and sort orders", () => {
  assert.deepEqual(ropByGroup(ROWS, "bit_type", { sort: "fastest" }).groups.map((g) => g.group), [
    "PDC",
    "牙轮",
    null,
  ]);
  assert.deepEqual(ropByGroup(ROWS, "well_id", { sort: "metres" }).groups.map((g) => g.group), [
    "W1",
    "W2",
    "W3",
  ]);
  assert.deepEqual(ropByGroup(ROWS, "well_id", { sort: "name" }).groups.map((g) => g.group), [
    "W1",
    "W2",
    "W3",
  ]);
  assert.deepEqual(ropByGroup(ROWS, "formation", { sort: "rows" }).groups.map((g) => g.rows), [
    3,
    3,
    1,
  ]);
  const one = ropByGroup(ROWS.slice(0, 2), "well_id");
  assert.equal(
    one.headline,
    "井号 W1：钻速 17.5 m/h（进尺加权） / well W1: ROP 17.5 m/h (footage-weighted)",
  );
});

test("empty input and rows without usable ROP give a result, not an error", () => {
  const empty = ropByGroup([], "formation");
  assert.deepEqual(empty.groups, []);
  assert.equal(empty.total.rows, 0);
  assert.equal(empty.total.rop_median_m_h, null);
  assert.match(empty.headline, /没有匹配的记录.* \/ no rows matched/);
  const noRop = ropByGroup([{ formation: "X", footage_m: 10 }], "formation");
  assert.match(noRop.headline, /none of 1 row has a usable ROP.*; 1 row lacked ROP$/);
});
