import { test } from "node:test";
import assert from "node:assert/strict";
import { dailyOnBottomHours } from "../../lib/analysis/hours.ts";

test("own hours first, else the rise of cumulative hours since the previous day", () => {
  const hours = dailyOnBottomHours([
    { well_id: "W1", report_date: "2023-05-02", on_bottom_hours_cum_h: 118 }, // 118 − 100 = 18
    { well_id: "W1", report_date: "2023-05-01", on_bottom_hours_cum_h: 100 }, // no day before: null
    { well_id: "W1", report_date: "2023-05-04", on_bottom_hours_cum_h: 130 }, // 05-03 missing: null
    { well_id: "W1", report_date: "2023-05-05", on_bottom_hours_cum_h: 131, drilling_hours_h: 7 }, // own: 7
    { well_id: "W1", report_date: "2023-05-06", on_bottom_hours_cum_h: 20 }, // reset (20 − 131 < 0): null
    { well_id: "W2", report_date: "2023-05-02", on_bottom_hours_cum_h: 150 }, // W1's 05-01 is another well: null
    { well_id: "W1", report_date: "2023-05-07", on_bottom_hours_cum_h: 50 }, // rise 30 h > 24: null
  ]);
  assert.deepEqual(hours, [18, null, null, 7, null, null, null]);
});
