import { test } from "node:test";
import assert from "node:assert/strict";
import { findHours } from "../../lib/words/work-hours.ts";

test("durations and clock ranges", () => {
  // The hours found, and the texts they are found in.
  const cases: [number[], ...string[]][] = [
    [[6], "处理卡钻6小时", "8:00-14:00修泵"],
    [[4.5], "修理泥浆泵4.5h"],
    [[3], "等待3个小时", "三个小时"],
    [[1.5], "一个半小时", "1小时30分"],
    [[0.5], "半小时", "30分钟"],
    [[2], "2 h", "2 hours"],
    [[8], "22:00-06:00"],
    [[24], "0:00-24:00"],
    [[2, 3], "修泵2h等料3h"],
    [[], "钻速5m/h", "彩南h5井", "井深2350m"],
  ];
  for (const [hours, ...texts] of cases) {
    for (const text of texts) assert.deepEqual(findHours(text).map((m) => m.hours), hours, text);
  }
});

test("a duration belongs to what comes before it, a clock range to what follows", () => {
  assert.deepEqual(findHours("8:00-14:00修泵2h").map((m) => [m.start, m.belongsTo]), [
    [0, "after"],
    [12, "before"],
  ]);
});
