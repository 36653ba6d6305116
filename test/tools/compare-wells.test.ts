import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { insertFixture } from "../helpers/fixture.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// MSE inputs: 215.9 mm, 100 kN, 100 rpm, 10 kN·m → 2.73152 + 10297.5984 / ROP MPa (test/analysis/mse.test.ts)
const MSE = { bit_diameter_mm: 215.9, wob_kn: 100, rpm: 100, torque_kn_m: 10 };
const S = "2026-05-01";

let server: TestServer;
before(async () => {
  server = await startTestServer({ SEED_DEMO_DATA: "0" });
  await insertFixture(server.db, [
    { well_id: "P1", block: "石南" },
    { well_id: "P2", block: "石南" },
    { well_id: "P3", block: "石南" },
    { well_id: "Q1", block: "莫北" },
  ], [
    {
      well_id: "P1",
      spud_date: S,
      report_date: "2026-05-01",
      depth_m: 500,
      footage_m: 500,
      rop_m_h: 25,
      npt_h: 0,
      ...MSE,
    },
    {
      well_id: "P1",
      spud_date: S,
      report_date: "2026-05-05",
      depth_m: 1000,
      footage_m: 500,
      rop_m_h: 10,
      npt_h: 6,
      ...MSE,
    },
    {
      well_id: "P2",
      spud_date: S,
      report_date: "2026-05-01",
      depth_m: 400,
      footage_m: 400,
      rop_m_h: 20,
      npt_h: 0,
      ...MSE,
    },
    {
      well_id: "P2",
      spud_date: S,
      report_date: "2026-05-03",
      depth_m: 800,
      footage_m: 400,
      rop_m_h: 20,
      npt_h: 0,
      ...MSE,
    },
    {
      well_id: "P3",
      spud_date: S,
      report_date: "2026-05-02",
      depth_m: 300,
      footage_m: 300,
      rop_m_h: 12.5,
      npt_h: 12,
    },
    {
      well_id: "Q1",
      spud_date: S,
      report_date: "2026-05-11",
      depth_m: 2000,
      footage_m: 2000,
      rop_m_h: 50,
      npt_h: 0,
    },
  ]);
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
