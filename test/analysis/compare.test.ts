import { test } from "node:test";
import assert from "node:assert/strict";
import { compareWells } from "../../lib/analysis/compare.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected}, got ${actual}`,
  );

// Bit of area 1 m² and rpm 0: MSE = WOB/1000 MPa (see mse-interval.test.ts).
const MSE = (wob_kn: number) => ({
  wob_kn,
  bit_diameter_mm: 2000 / Math.sqrt(Math.PI),
  rpm: 0,
  torque_kn_m: 0,
});

const WELLS = new Map<string, DrillingRecord[]>([
  ["W1", [
    {
      well_id: "W1",
      spud_date: "2023-05-01",
      report_date: "2023-05-01",
      depth_m: 200,
      footage_m: 200,
      rop_m_h: 20,
      npt_h: 0,
    },
    {
      well_id: "W1井",
      spud_date: "2023-05-01",
      report_date: "2023-05-11",
      depth_m: 2000,
      footage_m: 300,
      rop_m_h: 30,
      npt_h: 2.4,
      npt_category: "等停",
    },
  ]],
  ["W2", [
    {
      spud_date: "2023-06-01",
      report_date: "2023-06-01",
      depth_m: 100,
      footage_m: 100,
      rop_m_h: 10,
      npt_h: 12,
      npt_category: "卡钻",
      ...MSE(3000),
    },
    {
      spud_date: "2023-06-01",
      report_date: "2023-06-06",
      depth_m: 1500,
      footage_m: 400,
      rop_m_h: 40,
      npt_h: 0,
      ...MSE(5000),
    },
  ]],
  ["W3", [
    {
      spud_date: "2023-07-01",
      report_date: "2023-07-01",
      depth_m: 50,
      footage_m: 50,
      rop_m_h: 5,
      npt_h: null,
      ...MSE(1000),
    },
    {
      spud_date: "2023-07-01",
      report_date: "2023-07-03",
      depth_m: 300,
      footage_m: 250,
      rop_m_h: 25,
      npt_h: 1.2,
    },
  ]],
]);

test("per-well figures match the hand calculation", () => {
  const r = compareWells(WELLS);
  assert.deepEqual(
    r.wells.map((w) => [w.well_id, w.rows, w.days, w.final_depth_m, w.metres_per_day_m_d]),
    [
      ["W2", 2, 5, 1500, 300], // 1500 m / 5 d
      ["W1", 2, 10, 2000, 200], // 2000 m / 10 d
      ["W3", 2, 2, 300, 150], // 300 m / 2 d
    ],
  );
  const [w2, w1, w3] = r.wells;
  close(w1.rop_m_h, 26); // (20·200 + 30·300) / 500
  close(w2.rop_m_h, 34); // (10·100 + 40·400) / 500
  close(w3.rop_m_h, 6500 / 300); // (5·50 + 25·250) / 300
  close(w1.npt_share_pct, 5); // 2.4 h / 48 h
  close(w2.npt_share_pct, 25); // 12 h / 48 h
  close(w3.npt_share_pct, 5); // 1.2 h / 24 h: the row without npt_h adds no time
  assert.equal(w1.mean_mse_mpa, null); // no rpm or torque
  close(w2.mean_mse_mpa, 4); // (3 + 5) / 2
  close(w3.mean_mse_mpa, 1);
});

test("the best well of each column is marked, ties included", () => {
  const r = compareWells(WELLS);
  assert.deepEqual(r.best, {
    metres_per_day_m_d: ["W2"],
    rop_m_h: ["W2"],
    npt_share_pct: ["W1", "W3"], // 5% each (2.4/48 and 1.2/24 differ only by rounding)
    mean_mse_mpa: ["W3"],
  });
  assert.deepEqual(r.wells.map((w) => [w.well_id, w.best_in]), [
    ["W2", ["metres_per_day_m_d", "rop_m_h"]],
    ["W1", ["npt_share_pct"]],
    ["W3", ["npt_share_pct", "mean_mse_mpa"]],
  ]);
  assert.equal(
    r.headline,
    "W2：日进尺 300 m/d，非生产时间 25%（3 口井中日进尺最高）；钻速最高 W2 34 m/h；非生产时间最低 W1 等 2 口井 5%；机械比能最低 W3 1 MPa / " +
      "W2: 300 m/d, NPT 25% (highest m/d of 3 wells); highest ROP W2 34 m/h; lowest NPT W1 and 1 more 5%; lowest MSE W3 1 MPa",
  );
});

test("a column only one well has is not a contest", () => {
  const r = compareWells(
    new Map([["W1", WELLS.get("W1")!], ["W4", [{ report_date: "2023-01-01" }]]]),
  );
  assert.deepEqual(r.best.npt_share_pct, []);
  assert.deepEqual(r.wells.map((w) => w.well_id), ["W1", "W4"]);
  assert.match(r.headline, /^W1：日进尺 200 m\/d，非生产时间 5%（2 口井）/);
});

test("no wells, or wells without rows, say no rows matched", () => {
  assert.deepEqual(compareWells(new Map()).wells, []);
  assert.match(compareWells(new Map()).headline, /no rows matched \(well comparison\)/);
  const r = compareWells(new Map([["W9", []]]));
  assert.deepEqual([r.wells[0].rows, r.wells[0].days, r.wells[0].best_in], [0, null, []]);
  assert.match(r.headline, /no rows matched/);
});
