import { test } from "node:test";
import assert from "node:assert/strict";
import { mseByRecord } from "../../lib/analysis/mse-records.ts";

const close = (actual: number, expected: number, eps: number) =>
  assert.ok(Math.abs(actual - expected) <= eps, `expected ${expected} ± ${eps}, got ${actual}`);

// 215.9 mm, 100 kN, 100 rpm, 10 kN·m, 10 m/h → 2.73152 + 1029.75984 = 1032.49137 MPa (test/analysis/mse.test.ts);
// the same at 20 m/h halves the rotary term: 2.73152 + 514.87992 = 517.61144 MPa.
test("per record: the hand-calculated MSE of each complete row, missing inputs counted", () => {
  const base = { well_id: "W1", bit_diameter_mm: 215.9, wob_kn: 100, rpm: 100, torque_kn_m: 10 };
  const r = mseByRecord([
    { ...base, report_date: "2026-01-01", depth_m: 1000, rop_m_h: 10 },
    { ...base, report_date: "2026-01-02", depth_m: 1100, rop_m_h: 20 },
    {
      ...base,
      report_date: "2026-01-03",
      depth_m: 1200,
      rop_m_h: 15,
      rpm: null,
      torque_kn_m: null,
    },
  ]);
  assert.deepEqual([r.rows, r.rows_with_mse, r.records.map((x) => x.index)], [3, 2, [0, 1]]);
  close(r.records[0].mse_mpa, 1032.49137, 1e-5);
  close(r.records[1].mse_mpa, 517.61144, 1e-5);
  close(r.records[1].rotary_term_mpa, 514.87992, 1e-5);
  assert.deepEqual(r.missing_inputs, { rpm: 1, torque_kn_m: 1 });
  assert.equal(
    r.headline,
    "机械比能最高 W1 2026-01-01 1000 m：1032.5 MPa（2 行可计算，1 行未计入，缺少 rpm 1 行、torque_kn_m 1 行） / " +
      "highest MSE W1 2026-01-01 1000 m: 1032.5 MPa (2 rows computed; 1 row left out: missing rpm in 1, torque_kn_m in 1)",
  );
});

test("rows without rpm and torque say so; no rows say so", () => {
  const r = mseByRecord([{ wob_kn: 100, bit_diameter_mm: 215.9, rop_m_h: 10 }, {
    wob_kn: 90,
    bit_diameter_mm: 215.9,
    rop_m_h: 12,
  }]);
  assert.equal(r.records.length, 0);
  assert.match(
    r.headline,
    /^2 行均无法计算机械比能：缺少 rpm 2 行、torque_kn_m 2 行 \/ MSE could not be computed for any of 2 rows: missing rpm in 2, torque_kn_m in 2$/,
  );
  assert.match(mseByRecord([]).headline, /没有匹配的记录/);
});
