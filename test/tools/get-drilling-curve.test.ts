import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { insertStatements } from "../../lib/seed/index.ts";
import { callBoth } from "../helpers/call-both.ts";
import { insertFixture } from "../helpers/fixture.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => {
  server = await startFixtureServer([{ well_id: "C1", spud_date: "2026-04-01" }, {
    well_id: "C2",
    spud_date: "2026-03-01",
  }], [
    // C1's reports carry no spud date: the well master's counts.
    { well_id: "C1", report_date: "2026-04-01", depth_m: 200 },
    { well_id: "C1", report_date: "2026-04-03", depth_m: 600 },
    { well_id: "C1", report_date: "2026-04-04", depth_m: 590 },
    { well_id: "C1", report_date: "2026-04-06", depth_m: 1000 },
    // C2's reports carry theirs, which wins over the master's.
    { well_id: "C2", report_date: "2026-04-02", depth_m: 300, spud_date: "2026-04-02" },
    { well_id: "C2", report_date: "2026-04-05", depth_m: 900, spud_date: "2026-04-02" },
  ]);
  await server.db.batch(insertStatements("well_plans", [
    { well_id: "C1", day: 0, depth_m: 0 },
    { well_id: "C1", day: 4, depth_m: 800 },
    { well_id: "C1", day: 6, depth_m: 1400 },
  ]));
});
after(() => server.close());

test("one well: days since spud against depth, a decrease flagged, the plan beside it, as computed by hand", async () => {
  const { result, text } = await callBoth(server.url, "get_drilling_curve", { well_id: "C1" });
  assert.equal(result.wells.length, 1);
  const c = result.wells[0];
  assert.deepEqual([c.well_id, c.spud_date, c.spud_source], ["C1", "2026-04-01", "well_master"]);
  assert.deepEqual(c.points.map((p: { day: number; depth_m: number }) => [p.day, p.depth_m]), [
    [0, 200],
    [2, 600],
    [3, 590],
    [5, 1000],
  ]);
  assert.deepEqual(c.points.map((p: { depth_decreased: boolean }) => p.depth_decreased), [
    false,
    false,
    true,
    false,
  ]);
  assert.deepEqual(c.plan, [{ day: 0, depth_m: 0 }, { day: 4, depth_m: 800 }, {
    day: 6,
    depth_m: 1400,
  }]);
  // 1000 m in 5 days = 200 m/d; plan on day 5 = 800 + ½·600 = 1100 m → 100 m behind; plan depth 1400 m not reached
  assert.deepEqual(c.summary, {
    days: 5,
    final_depth_m: 1000,
    max_depth_m: 1000,
    metres_per_day_m_d: 200,
    depth_decreases: 1,
    plan_depth_m: 1400,
    plan_days: 6,
    days_to_plan_depth: null,
    days_vs_plan: null,
    plan_depth_at_last_day_m: 1100,
    depth_vs_plan_m: -100,
  });
  assert.match(
    text,
    /^C1：钻井 5 天，井深 1000 m，日进尺 200 m\/d；比计划同期浅 100 m；1 处井深回退已标出 \/ C1: 5 days/,
  );
  assert.match(text, /\| 3 \| 2026-04-04 \| 590 ⚠ \| 600 \| -10 \|/); // plan on day 3: ¾ of 800 m
});

test("several wells: one curve each; a well without a plan has none; include_plan=false leaves plans out", async () => {
  const { result, text } = await callBoth(server.url, "get_drilling_curve", {
    well_ids: ["C1", "C2"],
  });
  assert.deepEqual(result.wells.map((w: { well_id: string }) => w.well_id), ["C1", "C2"]);
  const c2 = result.wells[1];
  assert.deepEqual([
    c2.spud_date,
    c2.spud_source,
    c2.plan,
    c2.summary.days,
    c2.summary.metres_per_day_m_d,
  ], ["2026-04-02", "record", [], 3, 300]);
  assert.match(text, /\| C2 \| 2026-04-02 \| 3 \| 900 \| 300 \| — \|/);
  const bare =
    (await callBoth(server.url, "get_drilling_curve", { well_id: "C1", include_plan: false }))
      .result;
  assert.deepEqual([bare.wells[0].plan, bare.wells[0].summary.plan_depth_m], [[], null]);
});

test("an empty selection says so; too many wells is refused naming the cap", async () => {
  const none = await callBoth(server.url, "get_drilling_curve", {
    well_id: "C1",
    date_from: "2030-01-01",
  });
  assert.deepEqual(none.result.wells, []);
  assert.match(none.text, /^没有匹配的记录（钻井曲线） \/ no rows matched \(drilling curve\)/);
  await insertFixture(
    server.db,
    [],
    Array.from(
      { length: 21 },
      (_, i) => ({ well_id: `X${i}`, report_date: "2026-05-01", depth_m: 10 }),
    ),
  );
  const many = await restCall(server.url, identity("USER"), "get_drilling_curve", {});
  assert.equal(many.status, 400);
  assert.match(many.body.message, /23 口井，钻井曲线一次最多 20 口/);
});
