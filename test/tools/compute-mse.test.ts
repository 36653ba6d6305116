import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { M_PER_FT, N_PER_LBF, NM_PER_FT_LBF } from "../../lib/analysis/mse.ts";
import { callBoth } from "../helpers/call-both.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import type { TestServer } from "../helpers/server.ts";
import { assertFields } from "../helpers/assert-fields.ts";

const close = (actual: number, expected: number, eps: number) =>
  assert.ok(Math.abs(actual - expected) <= eps, `expected ${expected} ± ${eps}, got ${actual}`);

// Row 1 is the oilfield-units hand calculation of test/analysis/mse.test.ts stored in the table's SI units:
// 8.5 in bit, 25,000 lbf, 120 rpm, 10,000 ft·lbf, 50 ft/h → 159,886.9341 psi = 1,102.3816 MPa.
// Rows 2 and 3: 215.9 mm, 100 kN, 100 rpm, 10 kN·m at 10 and 20 m/h → 1,032.49137 and 517.61144 MPa.
const FIELD_EXAMPLE = {
  bit_diameter_mm: 8.5 * 25.4,
  wob_kn: (25_000 * N_PER_LBF) / 1000,
  rpm: 120,
  torque_kn_m: (10_000 * NM_PER_FT_LBF) / 1000,
  rop_m_h: 50 * M_PER_FT,
};
const ROUND = { bit_diameter_mm: 215.9, wob_kn: 100, rpm: 100, torque_kn_m: 10 };

let server: TestServer;
before(async () => {
  server = await startFixtureServer([{ well_id: "M1" }, { well_id: "M2" }], [
    // Placed by the middle of the section drilled: 1050 − 100/2 = 1000 m, 1080 − 30/2 = 1065 m, 1250 − 50 = 1200 m.
    { well_id: "M1", report_date: "2026-06-01", depth_m: 1050, footage_m: 100, ...FIELD_EXAMPLE },
    {
      well_id: "M1",
      report_date: "2026-06-02",
      depth_m: 1080,
      footage_m: 30,
      ...ROUND,
      rop_m_h: 10,
    },
    {
      well_id: "M1",
      report_date: "2026-06-03",
      depth_m: 1250,
      footage_m: 100,
      ...ROUND,
      rop_m_h: 20,
    },
    {
      well_id: "M1",
      report_date: "2026-06-04",
      depth_m: 1300,
      footage_m: 50,
      bit_diameter_mm: 215.9,
      wob_kn: 100,
      rop_m_h: 12,
    },
    // The field's real files: no rpm, no torque.
    {
      well_id: "M2",
      report_date: "2026-06-01",
      depth_m: 800,
      footage_m: 80,
      bit_diameter_mm: 311.2,
      wob_kn: 120,
      rop_m_h: 15,
    },
    {
      well_id: "M2",
      report_date: "2026-06-02",
      depth_m: 900,
      footage_m: 100,
      bit_diameter_mm: 311.2,
      wob_kn: 120,
      rop_m_h: 14,
    },
  ]);
});
after(() => server.close());

test("per record: the hand calculation in MPa and, from the same row, in psi", async () => {
  const { result, text } = await callBoth(server.url, "compute_mse", {
    well_id: "M1",
    per: "record",
    unit: "psi",
    top: 2,
  });
  assert.deepEqual([result.rows, result.rows_with_mse, result.missing_inputs], [4, 3, {
    rpm: 1,
    torque_kn_m: 1,
  }]);
  const [r1, r2, r3] = result.records;
  close(r1.mse_mpa, 1_102.3816, 0.006);
  close(r1.mse_psi, 159_886.9341, 0.6);
  close(r1.wob_term_mpa, 3.0376, 0.006);
  close(r2.mse_mpa, 1_032.49137, 0.006);
  close(r3.mse_mpa, 517.61144, 0.006);
  close(r3.rotary_term_mpa, 514.87992, 0.006);
  assert.deepEqual(result.highest.map((h: { label: string }) => h.label), [
    "M1 2026-06-01 1050 m",
    "M1 2026-06-02 1080 m",
  ]);
  assert.equal(typeof r1.id, "number");
  const one =
    (await callBoth(server.url, "compute_mse", { well_id: "M1", per: "record", limit: 1 })).result;
  assert.deepEqual([one.records.length, one.records_total, one.highest.length], [1, 3, 3]);
  assert.match(
    text,
    /^机械比能最高 M1 2026-06-01 1050 m：159887 psi \(1102\.4 MPa\)（3 行可计算，1 行未计入，缺少 rpm 1 行、torque_kn_m 1 行）/,
  );
  assert.match(text, /\| M1 \| 2026-06-01 \| 1050 \| 159887 psi \| 3 \| 1099\.3 \|/);
});

test("per depth interval: mean MSE of each 100 m, highest listed first, in MPa", async () => {
  const { result, text } = await callBoth(server.url, "compute_mse", { well_id: "M1" });
  // 1000–1100 m: (1102.3816 + 1032.49137) / 2 = 1067.4365 MPa; 1200–1300 m: 517.61144 MPa (the row without rpm counts as a row only)
  assert.deepEqual(
    result.intervals.map((
      i: Record<string, unknown>,
    ) => [i.top_m, i.bottom_m, i.rows, i.rows_with_mse]),
    [[1000, 1100, 2, 2], [1200, 1300, 2, 1]],
  );
  close(result.intervals[0].mean_mse_mpa, 1_067.4365, 0.006);
  close(result.intervals[0].mean_mse_psi, (159_886.9341 + 1_032.49137 * 145.0377377) / 2, 1);
  close(result.intervals[1].mean_mse_mpa, 517.61144, 0.006);
  assert.deepEqual(result.highest.map((h: { label: string }) => h.label), [
    "1000–1100 m",
    "1200–1300 m",
  ]);
  assert.match(
    text,
    /^机械比能最高 1000–1100 m：平均 1067\.4 MPa（2 个区间，3 行）；1 行未计入（缺少 rpm 1 行、torque_kn_m 1 行）/,
  );
  const coarse =
    (await callBoth(server.url, "compute_mse", { well_id: "M1", interval_m: 500 })).result;
  assert.deepEqual(
    coarse.intervals.map((i: { top_m: number; rows: number }) => [i.top_m, i.rows]),
    [[1000, 4]],
  );
});

test("rows without rpm and torque: the answer says which inputs are missing, not an error; no rows says so", async () => {
  const m2 = await callBoth(server.url, "compute_mse", { well_id: "M2" });
  assertFields(m2.result, {
    rows: 2,
    rows_with_mse: 0,
    highest: [],
    missing_inputs: { rpm: 2, torque_kn_m: 2 },
  });
  assert.match(
    m2.text,
    /^2 行均无法计算机械比能：缺少 rpm 2 行、torque_kn_m 2 行 \/ MSE could not be computed for any of 2 rows: missing rpm in 2, torque_kn_m in 2/,
  );
  const none = await callBoth(server.url, "compute_mse", {
    well_id: "M1",
    date_to: "2020-01-01",
    per: "record",
  });
  assert.deepEqual([none.result.rows, none.result.records], [0, []]);
  assert.match(none.text, /^没有匹配的记录（机械比能分析） \/ no rows matched \(MSE analysis\)/);
});
