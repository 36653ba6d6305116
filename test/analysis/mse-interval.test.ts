import { test } from "node:test";
import assert from "node:assert/strict";
import { mseByInterval } from "../../lib/analysis/mse-interval.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected}, got ${actual}`,
  );

// A bit of 2000/√π mm has an area of exactly 1 m², and with rpm 0 the rotary term is 0,
// so each row's MSE is WOB kN / 1 m² = WOB kPa = WOB/1000 MPa: easy to check by hand.
const BIT = 2000 / Math.sqrt(Math.PI);
const row = (
  depth_m: number | null,
  footage_m: number | null,
  wob_kn: number,
  extra: Partial<DrillingRecord> = {},
): DrillingRecord => ({
  depth_m,
  footage_m,
  wob_kn,
  bit_diameter_mm: BIT,
  rpm: 0,
  torque_kn_m: 0,
  rop_m_h: 10,
  ...extra,
});

const ROWS: DrillingRecord[] = [
  row(1050, 100, 2000), // drilled 1000–1050, middle 1000 → [1000, 1100), 2 MPa
  row(1180, 20, 4000), // middle 1170 → [1100, 1200), 4 MPa
  row(1190, null, 6000), // no footage: placed at 1190 → [1100, 1200), 6 MPa
  row(1199, 0, 9000, { rpm: null }), // [1100, 1200), no MSE: rpm missing
  row(null, 10, 1000), // no depth: in no interval
  row(1020, 2000, 9000, { rop_m_h: 0 }), // footage > depth: placed at 1020; ROP 0: no MSE
  row(1090, 10, 3000), // middle 1085 → [1000, 1100), 3 MPa
];

test("per-interval mean MSE matches the hand calculation", () => {
  const r = mseByInterval(ROWS, 100);
  assert.deepEqual(r.intervals.map((i) => [i.top_m, i.bottom_m, i.rows, i.rows_with_mse]), [
    [1000, 1100, 3, 2],
    [1100, 1200, 3, 2],
  ]);
  close(r.intervals[0].mean_mse_mpa, 2.5); // (2 + 3) / 2
  close(r.intervals[1].mean_mse_mpa, 5); // (4 + 6) / 2
  close(r.intervals[1].median_mse_mpa, 5);
  assert.deepEqual([r.rows, r.rows_with_mse, r.rows_without_mse, r.rows_without_depth], [
    7,
    4,
    2,
    1,
  ]);
  assert.deepEqual(r.missing_inputs, { rpm: 1 });
  assert.equal(
    r.headline,
    "机械比能最高 1100–1200 m：平均 5 MPa（2 个区间，4 行）；3 行未计入（缺少 rpm 1 行） / " +
      "highest MSE at 1100–1200 m: mean 5 MPa (2 intervals, 4 rows); 3 rows left out (missing rpm in 1)",
  );
});

test("sort highest puts the worst interval first; interval length changes the bins", () => {
  assert.deepEqual(mseByInterval(ROWS, 100, { sort: "highest" }).intervals.map((i) => i.top_m), [
    1100,
    1000,
  ]);
  const wide = mseByInterval(ROWS, 500);
  assert.deepEqual(wide.intervals.map((i) => [i.top_m, i.rows, i.rows_with_mse]), [[1000, 6, 4]]);
  close(wide.intervals[0].mean_mse_mpa, 3.75); // (2 + 4 + 6 + 3) / 4
});

test("the field's own files lack rpm and torque: the headline says so", () => {
  const r = mseByInterval([{ depth_m: 500, wob_kn: 80, bit_diameter_mm: 311.1, rop_m_h: 12 }], 100);
  assert.equal(r.intervals[0].mean_mse_mpa, null);
  assert.match(
    r.headline,
    /1 行均无法计算机械比能：缺少 rpm 1 行、torque_kn_m 1 行 \/ MSE could not be computed for any of 1 row: missing rpm in 1, torque_kn_m in 1$/,
  );
});

test("empty input and a bad interval", () => {
  const empty = mseByInterval([], 100);
  assert.deepEqual(empty.intervals, []);
  assert.match(empty.headline, /no rows matched \(MSE analysis\)/);
  assert.throws(() => mseByInterval([], 0), /depth interval is invalid "0"/);
});
