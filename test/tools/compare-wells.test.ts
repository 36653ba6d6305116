import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import { tableRows } from "../helpers/table-rows.ts";
import type { TestServer } from "../helpers/server.ts";

// MSE inputs: 215.9 mm, 100 kN, 100 rpm, 10 kN·m → 2.73152 + 10297.5984 / ROP MPa (test/analysis/mse.test.ts)
const MSE = { bit_diameter_mm: 215.9, wob_kn: 100, rpm: 100, torque_kn_m: 10 };
const S = "2026-05-01";

let server: TestServer;
before(async () => {
  const wells = [
    ...["P1", "P2", "P3"].map((well_id) => ({ well_id, block: "石南" })),
    { well_id: "Q1", block: "莫北" },
  ];
  const daily = tableRows(
    ["well_id", "report_date", "depth_m", "footage_m", "rop_m_h", "npt_h"],
    ["P1", "2026-05-01", 500, 500, 25, 0],
    ["P1", "2026-05-05", 1000, 500, 10, 6],
    ["P2", "2026-05-01", 400, 400, 20, 0],
    ["P2", "2026-05-03", 800, 400, 20, 0],
    ["P3", "2026-05-02", 300, 300, 12.5, 12],
    ["Q1", "2026-05-11", 2000, 2000, 50, 0],
  );
  // All spudded on S; P1's and P2's reports have the MSE inputs, P3's and Q1's none.
  server = await startFixtureServer(
    wells,
    daily.map((r) => ({
      ...r,
      spud_date: S,
      ...(r.well_id === "P1" || r.well_id === "P2" ? MSE : {}),
    })),
  );
});
after(() => server.close());

test("a well against its offset wells in the same block: figures by hand, the best of each column marked", async () => {
  const { result, text } = await callBoth(server.url, "compare_wells", {
    well_id: "P1",
    offset_wells: true,
  });
  // P1: 1000 m in 4 d = 250 m/d; ROP (25·500 + 10·500)/1000 = 17.5; NPT 6/48 = 12.5 %; MSE mean(414.635456, 1032.49137) = 723.56
  // P2: 800 m in 2 d = 400 m/d; ROP 20; NPT 0 %; MSE 517.61144.  P3: 300 m in 1 d; ROP 12.5; NPT 12/24 = 50 %; no MSE
  assert.deepEqual(
    result.wells.map((
      w: Record<string, unknown>,
    ) => [
      w.well_id,
      w.rows,
      w.days,
      w.final_depth_m,
      w.metres_per_day_m_d,
      w.rop_m_h,
      w.npt_share_pct,
      w.mean_mse_mpa,
    ]),
    [["P2", 2, 2, 800, 400, 20, 0, 517.61], ["P3", 1, 1, 300, 300, 12.5, 50, null], [
      "P1",
      2,
      4,
      1000,
      250,
      17.5,
      12.5,
      723.56,
    ]],
  );
  assert.deepEqual(result.best, {
    metres_per_day_m_d: ["P2"],
    rop_m_h: ["P2"],
    npt_share_pct: ["P2"],
    mean_mse_mpa: ["P2"],
  });
  assert.deepEqual(result.wells[0].best_in, [
    "metres_per_day_m_d",
    "rop_m_h",
    "npt_share_pct",
    "mean_mse_mpa",
  ]);
  assert.equal(result.focus_well, "P1");
  assert.match(
    text,
    /^P1：日进尺 250 m\/d，非生产时间 12\.5%，钻速 17\.5 m\/h（3 口井中日进尺第 3） \/ P1: 250 m\/d, NPT 12\.5%, ROP 17\.5 m\/h \(#3 of 3 wells by m\/d\)\n/,
  );
  assert.match(text, /\| P2 \| 2 \| 2 \| 800 \| 400 ★ \| 20 ★ \| 0 ★ \| 517\.6 ★ \|/);
  assert.match(text, /\| \*\*P1\*\* \| 2 \| 4 \| 1000 \| 250 \| 17\.5 \| 12\.5 \| 723\.6 \|/);
  assert.doesNotMatch(text, /Q1/);
  const one =
    (await callBoth(server.url, "compare_wells", { well_id: "P1", offset_wells: true, limit: 1 }))
      .result;
  assert.deepEqual([
    one.wells.map((w: { well_id: string }) => w.well_id),
    one.wells_total,
    one.best.rop_m_h,
  ], [["P2", "P1"], 3, ["P2"]]);
});

test("named wells across blocks; the filter applies; an empty selection and offset_wells without a well", async () => {
  const two = (await callBoth(server.url, "compare_wells", { well_ids: ["P1", "Q1"] })).result;
  // Q1: 2000 m in 10 d = 200 m/d, ROP 50 → P1 best on m/d, Q1 on ROP; P1 alone has an MSE, so no MSE best
  assert.deepEqual(two.best, {
    metres_per_day_m_d: ["P1"],
    rop_m_h: ["Q1"],
    npt_share_pct: ["Q1"],
    mean_mse_mpa: [],
  });
  assert.equal(two.focus_well, null);
  const early =
    (await callBoth(server.url, "compare_wells", { well_ids: ["P1", "P2"], date_to: "2026-05-01" }))
      .result;
  assert.deepEqual(early.wells.map((w: { well_id: string; rows: number }) => [w.well_id, w.rows]), [
    ["P1", 1],
    ["P2", 1],
  ]);
  const none = await callBoth(server.url, "compare_wells", { date_from: "2030-01-01" });
  assert.deepEqual(none.result.wells, []);
  assert.match(none.text, /^没有匹配的记录（井对比） \/ no rows matched \(well comparison\)/);
  const bad = await restCall(server.url, identity("USER"), "compare_wells", { offset_wells: true });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /offset_wells 需要 well_id/);
});
