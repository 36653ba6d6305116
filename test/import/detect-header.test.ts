import { test } from "node:test";
import assert from "node:assert/strict";
import { detectHeader } from "../../lib/import/detect-header.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";

const TABLES = [WELLS, DRILLING_DAILY];
const names = (columns: readonly ({ name: string } | null)[]) =>
  columns.map((c) => c?.name ?? null);

test("codes in row 1 and Chinese labels in row 2: data from row 3", () => {
  const match = detectHeader(
    [["JH", "RQ", "DW", "DRJS"], ["井号", "日期", "单位", "当日井深"]],
    TABLES,
  );
  assert.equal(match.table, DRILLING_DAILY);
  assert.deepEqual(match.headerRows, [1, 2]);
  assert.equal(match.dataStartRow, 3);
  assert.deepEqual(names(match.columns), ["well_id", "report_date", null, "depth_m"]);
  assert.deepEqual(match.unknownColumns, ["DW 单位"]);
});

test("one header row of lower-case codes, labels with units or English names: data from row 2", () => {
  const rows = [["jh", "日期", "当日井深(m)", "ZJYMD（g/cm³）", "footage_m"], [
    "乐探1",
    "2021-03-05",
    "100",
    "1.2",
    "5",
  ]];
  const match = detectHeader(rows, TABLES);
  assert.equal(match.table, DRILLING_DAILY);
  assert.deepEqual(match.headerRows, [1]);
  assert.equal(match.dataStartRow, 2);
  assert.deepEqual(names(match.columns), [
    "well_id",
    "report_date",
    "depth_m",
    "mud_density_g_cm3",
    "footage_m",
  ]);
  assert.deepEqual(match.unknownColumns, []);
});

test("a title in row 1 and the header in row 2", () => {
  const match = detectHeader([["钻井工程日报 2021年3月"], ["井号", "日期", "日进尺"]], TABLES);
  assert.deepEqual(match.headerRows, [2]);
  assert.equal(match.dataStartRow, 3);
  assert.deepEqual(names(match.columns), ["well_id", "report_date", "footage_m"]);
});

test("the table whose natural key is present wins; a column named twice is ignored the second time", () => {
  const wells = detectHeader([["井号", "开钻日期", "区块", "JH"]], TABLES);
  assert.equal(wells.table, WELLS);
  assert.deepEqual(names(wells.columns), ["well_id", "spud_date", "block", null]);
  assert.deepEqual(wells.unknownColumns, ["JH"]);
  const daily = detectHeader([["井号", "开钻日期", "日期"]], TABLES);
  assert.equal(daily.table, DRILLING_DAILY);
});

test("a given table must have its key; no header at all is explained", () => {
  assert.throws(
    () => detectHeader([["井号", "区块"]], [DRILLING_DAILY]),
    {
      message:
        '无法识别表头 "井号, 区块" / cannot recognise the header "井号, 区块": 钻井工程日报 缺少关键列 / drilling daily report lacks key columns 日期 [RQ]. ' +
        "请在第1行（或第1、2行）写列代码、中文列名或英文列名，至少包含 / put column codes, Chinese labels or English names in row 1 (or rows 1 and 2), with at least: 钻井工程日报: 井号 [JH], 日期 [RQ]",
    },
  );
  assert.throws(
    () => detectHeader([["a", "b"], ["1", "2"]], TABLES),
    /未找到已知列名 \/ no known column names/,
  );
  // Two known names among five unknown: more likely another table's file than a daily report.
  assert.throws(
    () => detectHeader([["JH", "RQ", "CXH", "DJSD1", "DJSD2", "RCQL", "HS"]], TABLES),
    /只有少数列名可识别 \/ too few column names recognised \(2\)/,
  );
  assert.throws(() => detectHeader([], TABLES), /无法识别表头 ""/);
});
