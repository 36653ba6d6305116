import { test } from "node:test";
import assert from "node:assert/strict";
import { mainWorkNptClassifier } from "../../lib/analysis/main-work-npt.ts";
import { nptBreakdown } from "../../lib/analysis/npt.ts";

test("the main-work text is read into NPT hours by category; causes without hours are reported, not counted", () => {
  const unknown: string[] = [];
  const classify = mainWorkNptClassifier((f) => unknown.push(f.cause));
  assert.deepEqual(classify("钻进至2350m；处理卡钻6小时，泡油解卡"), [{
    category: "downhole",
    hours: 6,
  }]);
  assert.deepEqual(classify("等停待料4小时；大风停工3小时"), [{ category: "waiting", hours: 4 }, {
    category: "weather",
    hours: 3,
  }]);
  assert.deepEqual(classify("钻进至2400m，无井漏"), []);
  assert.deepEqual(classify("修泵，钻进"), []);
  assert.equal(unknown.length, 1);

  // 3 report days of 24 h; NPT 6 + 4 + 3 = 13 h → 18.06 %
  const r = nptBreakdown([
    { well_id: "A", main_work: "钻进至2350m；处理卡钻6小时，泡油解卡" },
    { well_id: "A", main_work: "等停待料4小时；大风停工3小时" },
    { well_id: "A", main_work: "钻进至2400m，无井漏" },
  ], { classify });
  assert.equal(r.npt_h, 13);
  assert.equal(r.classified_rows, 3);
  assert.ok(Math.abs(r.npt_share_pct! - (100 * 13) / 72) < 1e-9);
  assert.equal(r.categories[0].category, "downhole");
});
