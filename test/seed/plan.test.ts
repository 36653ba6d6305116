import { test } from "node:test";
import assert from "node:assert/strict";
import { drillingCurve } from "../../lib/analysis/curve.ts";
import { generateDemoData } from "../../lib/seed/generate.ts";
import {
  generateDemoPlans,
  PLAN_CASING_DAYS,
  PLAN_DRILLING_HOURS_PER_DAY,
} from "../../lib/seed/plan.ts";

const { wells, daily } = generateDemoData();
const plans = generateDemoPlans(wells);

test("every demo well has a plan from 0 m on day 0 to its design depth, days strictly increasing", () => {
  assert.deepEqual(generateDemoPlans(wells), plans);
  const planned = wells.filter((w) => /^W\d{3}$/.test(String(w.well_id)));
  assert.equal(planned.length, 12);
  assert.deepEqual([...new Set(plans.map((p) => p.well_id))], planned.map((w) => w.well_id));
  for (const well of planned) {
    const plan = plans.filter((p) => p.well_id === well.well_id);
    assert.ok(plan.length >= 6, `${well.well_id} has a plan`);
    assert.deepEqual([plan[0].day, plan[0].depth_m], [0, 0]);
    assert.equal(plan.at(-1)!.depth_m, well.design_depth_m);
    for (let i = 1; i < plan.length; i++) {
      assert.ok(
        plan[i].day > plan[i - 1].day,
        `${well.well_id} day ${plan[i].day} after ${plan[i - 1].day}`,
      );
      assert.ok(plan[i].depth_m >= plan[i - 1].depth_m);
      assert.equal(Math.round(plan[i].day * 10), plan[i].day * 10, "days in tenths");
    }
  }
});

test("the first section is planned by hand: 350 m of Quaternary at 30 m/h, 14 h a day, then casing", () => {
  const w001 = plans.filter((p) => p.well_id === "W001");
  // 350 m / (30 m/h × 14 h/d) = 0.833 d → 0.9 d (rounded up to tenths); casing 2 d → 2.9 d
  assert.equal(PLAN_DRILLING_HOURS_PER_DAY, 14);
  assert.deepEqual(w001.slice(1, 3).map((p) => [p.day, p.depth_m]), [[0.9, 350], [
    0.9 + PLAN_CASING_DAYS,
    350,
  ]]);
  assert.match(w001[2].phase, /下套管固井/);
});

test("the NPT-heavy W005 finishes days behind its plan; the offset wells in 石南 stay within a few days", () => {
  const curve = (id: string) =>
    drillingCurve(daily.filter((d) => d.well_id === id), {
      plan: plans.filter((p) => p.well_id === id),
    }).summary;
  assert.ok(curve("W005").days_vs_plan! >= 5, `W005 ${curve("W005").days_vs_plan} d behind`);
  for (const id of ["W001", "W002", "W003", "W004"]) {
    assert.ok(Math.abs(curve(id).days_vs_plan!) < 5, id);
  }
});
