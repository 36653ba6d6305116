import { test } from "node:test";
import assert from "node:assert/strict";
import { drillingCurve, planDepthAt } from "../../lib/analysis/curve.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";

const ROWS: DrillingRecord[] = [
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-03", depth_m: 600 },
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-01", depth_m: 100 },
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-02", depth_m: 350 },
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-04", depth_m: 590 }, // shallower: flagged
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-06", depth_m: 1000 },
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023-05-05", depth_m: null }, // skipped
  { well_id: "W1", spud_date: "2023-05-01", report_date: "2023/5/7", depth_m: 1100 }, // skipped
];
const PLAN = [{ day: 6, depth_m: 1000 }, { day: 0, depth_m: 0 }, { day: 4, depth_m: 800 }];

test("points in date order, days from the recorded spud date, decreases flagged", () => {
  const c = drillingCurve(ROWS, { plan: PLAN });
  assert.deepEqual([c.well_id, c.spud_date, c.spud_source, c.rows_skipped], [
    "W1",
    "2023-05-01",
    "record",
    2,
  ]);
  assert.deepEqual(c.points.map((p) => [p.day, p.date, p.depth_m, p.depth_decreased]), [
    [0, "2023-05-01", 100, false],
    [1, "2023-05-02", 350, false],
    [2, "2023-05-03", 600, false],
    [3, "2023-05-04", 590, true],
    [5, "2023-05-06", 1000, false],
  ]);
  assert.deepEqual(c.plan.map((p) => p.day), [0, 4, 6]);
});

test("summary against the plan: reached plan depth (1000 m) on day 5, plan says day 6", () => {
  const s = drillingCurve(ROWS, { plan: PLAN }).summary;
  assert.deepEqual(s, {
    days: 5,
    final_depth_m: 1000,
    max_depth_m: 1000,
    metres_per_day_m_d: 200, // 1000 m / 5 d
    depth_decreases: 1,
    plan_depth_m: 1000,
    plan_days: 6,
    days_to_plan_depth: 5,
    days_vs_plan: -1,
    plan_depth_at_last_day_m: 900, // halfway from (4, 800) to (6, 1000)
    depth_vs_plan_m: 100,
  });
  assert.equal(
    drillingCurve(ROWS, { plan: PLAN }).headline,
    "W1：钻井 5 天，井深 1000 m，日进尺 200 m/d；比计划快 1 天达到计划井深；1 处井深回退已标出 / " +
      "W1: 5 days, depth 1000 m, 200 m/d; reached plan depth 1 day ahead of plan; 1 depth decrease flagged",
  );
});

test("a given spud date wins; without any, the first report is day 0", () => {
  const given = drillingCurve(ROWS, { spudDate: "2023-04-30" });
  assert.equal(given.spud_source, "given");
  assert.equal(given.summary.days, 6);
  assert.ok(Math.abs(given.summary.metres_per_day_m_d! - 1000 / 6) < 1e-9);
  const noSpud = drillingCurve(ROWS.map((r) => ({ ...r, spud_date: null })));
  assert.deepEqual([noSpud.spud_date, noSpud.spud_source, noSpud.points[0].day], [
    "2023-05-01",
    "first_report",
    0,
  ]);
  assert.equal(noSpud.summary.plan_depth_m, null);
});

test("plan depth not reached: the headline says how far behind plan the last report is", () => {
  const c = drillingCurve(ROWS, { plan: [{ day: 0, depth_m: 0 }, { day: 10, depth_m: 3000 }] });
  assert.deepEqual([
    c.summary.days_to_plan_depth,
    c.summary.days_vs_plan,
    c.summary.depth_vs_plan_m,
  ], [null, null, -500]);
  assert.match(c.headline, /比计划同期浅 500 m.* \/ .*500 m behind plan/);
});

test("planDepthAt interpolates and holds flat outside the plan", () => {
  const plan = [{ day: 2, depth_m: 100 }, { day: 4, depth_m: 300 }];
  assert.deepEqual([
    planDepthAt(plan, 0),
    planDepthAt(plan, 3),
    planDepthAt(plan, 9),
    planDepthAt([], 1),
  ], [100, 200, 300, null]);
});

test("errors: several wells, a bad spud date, a bad plan point", () => {
  assert.throws(
    () => drillingCurve([...ROWS, { well_id: "W2", report_date: "2023-05-01", depth_m: 5 }]),
    /got 2 wells "W1", "W2": group the rows by well_id/,
  );
  assert.throws(
    () => drillingCurve(ROWS, { spudDate: "5月1日" }),
    /cannot read spud date "5月1日"/,
  );
  assert.throws(
    () => drillingCurve(ROWS, { plan: [{ day: NaN, depth_m: 1 }] }),
    /plan point is invalid/,
  );
});

test("empty input and rows without usable dates", () => {
  const empty = drillingCurve([]);
  assert.deepEqual([empty.points, empty.summary.days, empty.spud_source], [[], null, null]);
  assert.match(empty.headline, /no rows matched \(drilling curve\)/);
  assert.match(
    drillingCurve([{ well_id: "W1", depth_m: 3 }]).headline,
    /none of 1 row has a valid date and depth/,
  );
});

test("a fractional plan day is rounded in the headline, not printed with float noise", () => {
  const c = drillingCurve(ROWS, { plan: [{ day: 0, depth_m: 0 }, { day: 4.7, depth_m: 1000 }] });
  assert.ok(Math.abs(c.summary.days_vs_plan! - 0.3) < 1e-9);
  assert.match(
    c.headline,
    /比计划慢 0\.3 天达到计划井深.* \/ .*reached plan depth 0\.3 days behind plan/,
  );
});
