import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { tableRows } from "../helpers/table-rows.ts";
import type { TestServer } from "../helpers/server.ts";
import { assertFields } from "../helpers/assert-fields.ts";

let server: TestServer;
before(async () => {
  server = await startFixtureServer(
    [{ well_id: "T1" }, { well_id: "T2" }],
    tableRows(
      ["well_id", "report_date", "npt_h", "npt_category", "main_work"],
      ["T1", "2026-03-01", 6, "downhole", "处理卡钻6小时"],
      ["T1", "2026-03-02", 0, null, "钻进至900m"],
      // No NPT column: read from the main-work text (the field's real data).
      ["T1", "2026-03-03", null, null, "钻进至1200m；修理泥浆泵3小时"],
      ["T2", "2026-03-01", 12, "等停", null],
      ["T2", "2026-03-02", null, null, "大风停工5小时，等停待料2小时"],
      ["T2", "2026-03-03", null, null, null],
      ["T2", "2026-03-04", null, null, "修泵，钻进至1500m"],
    ),
  );
});
after(() => server.close());

test("NPT by category and by well, from the NPT column and the main-work text, as computed by hand", async () => {
  const { result, text } = await callBoth(server.url, "analyze_npt", {});
  // Known days: T1 ×3, T2 ×3 (03-03 has neither) → 6 × 24 h = 144 h.
  // NPT: downhole 6, equipment 3 (修理泥浆泵3小时), waiting 12 + 2 (等停待料2小时), weather 5 → 28 h = 19.44 %
  assertFields(result, {
    report_days: 6,
    classified_rows: 3,
    rows_without_npt: 1,
    rows_hours_unknown: 1,
  });
  assert.deepEqual([result.total_time_h, result.npt_h, result.npt_share_pct], [144, 28, 19.44]);
  assert.deepEqual(
    result.categories.map((
      c: Record<string, unknown>,
    ) => [c.category, c.npt_h, c.npt_share_pct, c.share_of_npt_pct]),
    [["waiting", 14, 9.72, 50], ["downhole", 6, 4.17, 21.43], ["weather", 5, 3.47, 17.86], [
      "equipment",
      3,
      2.08,
      10.71,
    ], ["other", 0, 0, 0]],
  );
  assert.deepEqual([result.categories[0].zh, result.categories[0].en], ["等停", "waiting"]);
  // T2: 19 h of 72 h = 26.39 %, mostly waiting; T1: 9 h of 72 h = 12.5 %, mostly downhole
  assert.deepEqual(
    result.wells.map((
      w: Record<string, unknown>,
    ) => [w.well_id, w.report_days, w.total_time_h, w.npt_h, w.npt_share_pct, w.top_category]),
    [["T2", 3, 72, 19, 26.39, "waiting"], ["T1", 3, 72, 9, 12.5, "downhole"]],
  );
  assert.match(
    text,
    /^非生产时间 28 h，占总时间 19\.4%（6 个报告日）；最多：等停 14 h；最多的井 T2 19 h；1 行无非生产时间数据 \/ NPT 28 h, 19\.4% of 144 h/,
  );
  assert.match(text, /\| 等停 waiting \| 14 \| 9\.7 \| 50 \|/);
  assert.match(text, /\| T2 \| 3 \| 72 \| 19 \| 26\.4 \| 等停 waiting \|/);
  assert.match(text, /1 行文字提到非生产时间但未写小时数，未计入/);
});

test("the shared filter narrows the rows; an empty selection says so plainly", async () => {
  const t1 =
    (await callBoth(server.url, "analyze_npt", { well_id: "T1", date_from: "2026-03-02" })).result;
  assert.deepEqual([t1.report_days, t1.npt_h, t1.npt_share_pct], [2, 3, 6.25]); // 3 h / 48 h
  const top = (await callBoth(server.url, "analyze_npt", { limit: 1 })).result;
  assert.deepEqual([
    top.wells.map((w: { well_id: string }) => w.well_id),
    top.wells_total,
    top.npt_h,
  ], [["T2"], 2, 28]);
  const none = await callBoth(server.url, "analyze_npt", { date_from: "2030-01-01" });
  assertFields(none.result, { report_days: 0, npt_h: 0, npt_share_pct: null, wells: [] });
  assert.match(none.text, /^没有匹配的记录（非生产时间分析） \/ no rows matched \(NPT analysis\)/);
});
