import { test } from "node:test";
import assert from "node:assert/strict";
import { reportPageAnswer } from "../../lib/answers/report-answer.ts";
import type { ReportPage } from "../../lib/answers/report-answer.ts";
import type { ResolvedReportArgs } from "../../lib/data/report-args.ts";
import { KEY_WELL_DAILY } from "../../lib/schema/key-well-daily.ts";

type Row = { well_id: string; report_date: string };

const resolved: ResolvedReportArgs = {
  wellIds: ["W001", "W002"],
  wells: [],
  selections: [],
  dates_used: ["2026-07-01"],
};

const page = (rows: Row[], total: number, offset = 0, limit = 10): ReportPage<Row> => ({
  table: KEY_WELL_DAILY,
  resolved,
  offset,
  limit,
  rows,
  total,
  none: "没有。 / None.",
  some: (all, shown) => `共 ${all}，显示 ${shown}。 / ${all}, showing ${shown}.`,
  rowText: (row) => `### ${row.well_id} ${row.report_date}`,
});

test("reportPageAnswer: a short first page names the wells without a report; no next page", () => {
  const answer = reportPageAnswer(page([{ well_id: "W001", report_date: "2026-07-01" }], 1));
  assert.deepEqual(answer.structured.wells_without_report, ["W002"]);
  assert.equal(answer.structured.next_offset, null);
  assert.equal(answer.structured.units.top_depth_m, "m");
  assert.equal(
    answer.text,
    "共 1，显示 1。 / 1, showing 1.\n\n### W001 2026-07-01\n\n日期 dates: 2026-07-01\n" +
      "这些井在所选日期没有日报 / no report on these dates: W002",
  );
});

test("reportPageAnswer: a full page says where the next starts and names no missing well", () => {
  const rows = [
    { well_id: "W001", report_date: "2026-07-01" },
    { well_id: "W001", report_date: "2026-07-02" },
  ];
  const answer = reportPageAnswer(page(rows, 5, 0, 2));
  assert.equal(answer.structured.next_offset, 2);
  assert.deepEqual(answer.structured.wells_without_report, []);
  assert.match(answer.text, /^共 5，显示 2。 \/ 5, showing 2\. offset=2 查看更多 for more\.\n\n/);
  // A later page does not repeat the missing wells either.
  assert.deepEqual(reportPageAnswer(page(rows.slice(0, 1), 5, 4)).structured, {
    reports: rows.slice(0, 1),
    total: 5,
    next_offset: null,
    units: answer.structured.units,
    dates_used: ["2026-07-01"],
    wells: [],
    wells_without_report: [],
  });
});

test("reportPageAnswer: no row gives the none headline and every named well as missing", () => {
  const answer = reportPageAnswer(page([], 0));
  assert.equal(answer.text.split("\n\n")[0], "没有。 / None.");
  assert.deepEqual(answer.structured.wells_without_report, ["W001", "W002"]);
});
