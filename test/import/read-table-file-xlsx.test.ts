import { test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { readTableFile } from "../../lib/import/read-table-file.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { assertParsedRows } from "../helpers/assert-parsed-rows.ts";

const day = (d: number) => new Date(Date.UTC(2021, 2, d));

/** A daily report as the field keeps it: codes in row 1, labels in row 2, a DW column. */
async function dailyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("钻井日报");
  const put = (n: number, values: unknown[]) => {
    sheet.getRow(n).values = values as ExcelJS.CellValue[];
  };
  put(1, ["JH", "RQ", "KZRQ", "DW", "DRJS", "ZJRJC", "ZTLX", "BRZYGZ"]);
  put(2, ["井号", "日期", "开钻日期", "单位", "当日井深", "日进尺", "钻头类型", "本日主要工作"]);
  put(3, ["乐探1", day(5), "2021-02-01", "m", 1234.5, " 12.5 ", "PDC", "钻进"]);
  put(4, ["乐探1", day(6), "2021/2/1", "m", "1,250.0", "１５", "PDC", " 钻进，循环 "]);
  // row 5 absent: a blank row in Excel
  put(6, ["  ", null, "", "m", null, " ", null, null]);
  put(7, ["", day(7), "20210201", "m", 1300, 50, "PDC", "起钻"]);
  put(8, ["石南201", "20210307", "20210203", "m", "12a", 10, "牙轮", "钻进"]);
  put(9, ["石南201", 44263, "2021年2月3日", "m", 900, 8, "牙轮", "卡钻，处理"]);
  put(10, ["乐探1", day(5), "2021-02-01", "m", 1240, 5.5, "PDC", "重复导入"]);
  put(11, ["石南201", "2021-02-30", "2021-02-03", "m", "abc", 1, null, null]);
  put(12, [
    { richText: [{ text: "中 " }, { text: "１０２" }] },
    day(9),
    null,
    "m",
    { formula: "1000+2", result: 1002 },
    { text: "7", hyperlink: "http://x" },
    null,
    null,
  ]);
  sheet.getCell("B9").numFmt = "General";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test("an .xlsx daily report with a two-row header is read into exact rows and rejections", async () => {
  const parsed = await readTableFile(await dailyWorkbook(), {
    fileName: "日报.xlsx",
    tables: [WELLS, DRILLING_DAILY],
  });
  assert.equal(parsed.table, DRILLING_DAILY);
  assert.equal(parsed.format, "xlsx");
  assert.equal(parsed.encoding, null);
  assert.deepEqual(parsed.headerRows, [1, 2]);
  assert.deepEqual(parsed.unknownColumns, ["DW 单位"]);
  assert.equal(parsed.blankRows, 2);
  assertParsedRows(
    parsed,
    ["well_id", "report_date", "spud_date", "depth_m", "footage_m", "bit_type", "main_work"],
    [4, "乐探1", "2021-03-06", "2021-02-01", 1250, 15, "PDC", "钻进，循环"],
    [9, "石南201", "2021-03-08", "2021-02-03", 900, 8, "牙轮", "卡钻，处理"],
    [10, "乐探1", "2021-03-05", "2021-02-01", 1240, 5.5, "PDC", "重复导入"],
    [12, "中102", "2021-03-09", null, 1002, 7, null, null],
  );
  assert.deepEqual(parsed.rejected, [
    {
      row: 7,
      column: "well_id",
      value: null,
      reason:
        "缺少井号 [JH] / missing well id (well_id): 每行都要有 井号 [JH], 日期 [RQ] / every row needs 井号 [JH], 日期 [RQ]",
    },
    {
      row: 8,
      column: "depth_m",
      value: "12a",
      reason: '不是数字 "12a" / not a number "12a": write digits such as 1234.5, without units',
    },
    {
      row: 11,
      column: "report_date",
      value: "2021-02-30",
      reason:
        '无法识别日期 "2021-02-30" / cannot read date "2021-02-30": use YYYY-MM-DD, YYYY/M/D, YYYYMMDD or an Excel date cell',
    },
    {
      row: 11,
      column: "depth_m",
      value: "abc",
      reason: '不是数字 "abc" / not a number "abc": write digits such as 1234.5, without units',
    },
  ]);
  assert.deepEqual(parsed.duplicateKeys, [{ key: ["乐探1", "2021-03-05"], rows: [3, 10] }]);
});
