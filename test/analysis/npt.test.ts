import { test } from "node:test";
import assert from "node:assert/strict";
import { nptBreakdown, type NptClassifier } from "../../lib/analysis/npt.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected}, got ${actual}`,
  );

const ROWS: DrillingRecord[] = [
  { well_id: "W1", report_date: "2023-05-01", npt_h: 6, npt_category: "卡钻" }, // downhole 6
  { well_id: "W1", report_date: "2023-05-02", npt_h: 0, npt_category: null }, // known, no NPT
  {
    well_id: "W1",
    report_date: "2023-05-03",
    npt_h: null,
    main_work: "等停 4小时；修理泥浆泵 2小时",
  }, // classifier: waiting 4, equipment 2
  { well_id: "W2", report_date: "2023-05-01", npt_h: 3, npt_category: "weather" }, // weather 3
  { well_id: "W2", report_date: "2023-05-02", npt_h: null, main_work: null }, // nothing known
  { well_id: "W2", report_date: "2023-05-03", npt_h: 30, npt_category: "equipment failure" }, // 30 h > 24 h: capped to 24
  { well_id: "W3", report_date: "2023-05-01", npt_h: -1, main_work: "正常钻进" }, // negative = missing; classifier finds none
];

// The engineer's classifier is someone else's; this stub reads two fixed phrases.
const classify: NptClassifier = (work) => [
  ...(work.includes("等停") ? [{ category: "waiting", hours: 4 }] : []),
  ...(work.includes("修理") ? [{ category: "设备故障", hours: 2 }] : []),
];

test("by category and by well, with a classifier, match the hand calculation", () => {
  const r = nptBreakdown(ROWS, { classify });
  // known days: rows 1 2 3 4 6 7 → 6 × 24 h = 144 h; NPT 6 + 4 + 2 + 3 + 24 = 39 h
  assert.deepEqual([r.report_days, r.classified_rows, r.rows_without_npt, r.rows_capped], [
    6,
    2,
    1,
    1,
  ]);
  assert.equal(r.total_time_h, 144);
  close(r.npt_h, 39);
  close(r.npt_share_pct, (100 * 39) / 144); // 27.08 %
  assert.deepEqual(r.categories.map((c) => [c.category, c.npt_h]), [
    ["equipment", 26],
    ["downhole", 6],
    ["waiting", 4],
    ["weather", 3],
    ["other", 0],
  ]);
  close(r.categories[0].npt_share_pct, (100 * 26) / 144);
  close(r.categories[0].share_of_npt_pct, (100 * 26) / 39);
  assert.deepEqual([r.categories[1].zh, r.categories[1].en], ["井下复杂", "downhole trouble"]);
  assert.deepEqual(
    r.wells.map((w) => [w.well_id, w.report_days, w.total_time_h, w.npt_h, w.top_category]),
    [
      ["W2", 2, 48, 27, "equipment"],
      ["W1", 3, 72, 12, "downhole"],
      ["W3", 1, 24, 0, null],
    ],
  );
  close(r.wells[0].npt_share_pct, 56.25); // 27 / 48
  assert.equal(
    r.headline,
    "非生产时间 39 h，占总时间 27.1%（6 个报告日）；最多：设备故障 26 h；最多的井 W2 27 h；1 行无非生产时间数据 / " +
      "NPT 39 h, 27.1% of 144 h (6 report days); largest: equipment failure 26 h; most in well W2 27 h; 1 row had no NPT data",
  );
});

test("without a classifier, rows lacking npt_h add neither NPT nor time", () => {
  const r = nptBreakdown(ROWS);
  assert.deepEqual([r.report_days, r.rows_without_npt, r.total_time_h], [4, 3, 96]);
  close(r.npt_h, 33); // 6 + 3 + 24
  close(r.npt_share_pct, 34.375); // 33 / 96
});

test("hoursPerDay changes total time and is checked", () => {
  const r = nptBreakdown([{ well_id: "W1", npt_h: 3, npt_category: "等停" }], { hoursPerDay: 12 });
  assert.equal(r.total_time_h, 12);
  close(r.npt_share_pct, 25);
  assert.throws(() => nptBreakdown([], { hoursPerDay: 0 }), /hoursPerDay is invalid "0"/);
});

test("empty input, no NPT data and zero NPT each get a plain headline", () => {
  const empty = nptBreakdown([]);
  assert.deepEqual([empty.wells, empty.npt_share_pct, empty.total_time_h], [[], null, 0]);
  assert.match(empty.headline, /no rows matched/);
  assert.match(nptBreakdown([{ well_id: "W1" }]).headline, /none of 1 row has NPT data/);
  assert.equal(
    nptBreakdown([{ well_id: "W1", npt_h: 0 }]).headline,
    "非生产时间 0 h（1 个报告日） / NPT 0 h (1 report day)",
  );
});
