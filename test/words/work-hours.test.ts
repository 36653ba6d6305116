import { test } from "node:test";
import assert from "node:assert/strict";
import { findHours } from "../../lib/words/work-hours.ts";

test("durations and clock ranges", () => {
  const cases: [string, number[]][] = [
    ["处理卡钻6小时", [6]],
    ["修理泥浆泵4.5h", [4.5]],
    ["等待3个小时", [3]],
    ["三个小时", [3]],
    ["一个半小时", [1.5]],
    ["半小时", [0.5]],
    ["1小时30分", [1.5]],
    ["30分钟", [0.5]],
    ["2 h", [2]],
    ["2 hours", [2]],
    ["8:00-14:00修泵", [6]],
    ["22:00-06:00", [8]],
    ["0:00-24:00", [24]],
    ["修泵2h等料3h", [2, 3]],
    ["钻速5m/h", []],
    ["彩南h5井", []],
    ["井深2350m", []],
  ];
  for (const [text, hours] of cases) {
    assert.deepEqual(findHours(text).map((m) => m.hours), hours, text);
  }
});

test("a duration belongs to what comes before it, a clock range to what follows", () => {
  assert.deepEqual(findHours("8:00-14:00修泵2h").map((m) => [m.start, m.belongsTo]), [
    [0, "after"],
    [12, "before"],
  ]);
});
