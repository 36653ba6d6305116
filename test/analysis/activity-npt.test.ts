import { test } from "node:test";
import assert from "node:assert/strict";
import { activityLinesOf } from "../../lib/analysis/activity-lines.ts";
import {
  activityNpt,
  activityNptCategory,
  isNptActivity,
} from "../../lib/analysis/activity-npt.ts";
import { nptBreakdown, nptSourceNote } from "../../lib/analysis/npt.ts";

const line = (activity_code: string | null, hours: number | null, state: string | null = "ok") => ({
  activity_code,
  state,
  hours,
});

test("interruption lines and failed lines are NPT, filed by their NPD sub-activity", () => {
  const day = [
    line("drilling -- drill", 10),
    line("interruption -- waiting on weather", 3),
    line("interruption -- repair", 1.5),
    line("interruption -- maintain", 0.5),
    line("interruption -- fish", 4),
    line("interruption -- wait", 1),
    line("interruption -- rig up/down", 0.25),
    line("interruption -- other", 0.75),
    line("drilling -- casing", 2.5, "fail"),
    line("drilling -- wait", 1), // planned waiting in the NPD scheme, not an interruption
    line("Interruption -- Fish", 1),
    line("interruption -- fish", -1),
    line("interruption -- fish", null),
  ];
  assert.deepEqual(activityNpt(day), [
    { category: "downhole", hours: 5 },
    { category: "other", hours: 3.5 },
    { category: "weather", hours: 3 },
    { category: "equipment", hours: 2 },
    { category: "waiting", hours: 1 },
  ]);
  assert.equal(activityNptCategory("interruption -- something new"), "other");
  assert.equal(isNptActivity(line("drilling -- trip", 1, "FAIL")), true);
  assert.equal(isNptActivity(line(null, 1)), false);
  assert.deepEqual(activityNpt([]), []);
});

test("activity lines are a row's best NPT source, then npt_h, then the text; the note says which", () => {
  const rows = [
    {
      well_id: "A",
      report_date: "2021-01-01",
      npt_h: 9,
      npt_category: "设备",
      activity_lines: JSON.stringify([["interruption -- fish", "ok", 2], [
        "drilling -- drill",
        "ok",
        22,
      ]]),
    },
    { well_id: "A", report_date: "2021-01-02", npt_h: 3, npt_category: "设备" },
    { well_id: "A", report_date: "2021-01-03", main_work: "x" },
    { well_id: "A", report_date: "2021-01-04", npt_h: 1, activity_lines: "not json" },
  ];
  const r = nptBreakdown(rows, { classify: () => [{ category: "waiting", hours: 4 }] });
  assert.deepEqual(r.sources, { activities: 1, recorded: 2, text: 1 });
  assert.equal(r.npt_h, 2 + 3 + 4 + 1);
  assert.equal(r.categories.find((c) => c.category === "downhole")!.npt_h, 2);
  assert.match(
    nptSourceNote(r.sources),
    /activity lines \(timed, NPD activity codes\) 1 days, the npt_h column 2 days, the main-work text 1 days/,
  );
  assert.equal(nptSourceNote({ activities: 0, recorded: 0, text: 0 }), "");
  assert.equal(activityLinesOf(null), null);
  assert.equal(activityLinesOf("[]"), null);
  assert.deepEqual(activityLinesOf([{ activity_code: "a", state: "ok", hours: 1 }]), [{
    activity_code: "a",
    state: "ok",
    hours: 1,
  }]);
});
