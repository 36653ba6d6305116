import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { readTableFile } from "../../lib/import/read-table-file.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { assertParsedRows } from "../helpers/assert-parsed-rows.ts";

const TABLES = [WELLS, DRILLING_DAILY];

const WELLS_CSV = [
  "井号,区块,井型,是否重点井,设计日期,设计井深,地面海拔,备注,DW",
  '石南201,石南,直井,是,2020-05-01,"3,500",412.5,重点,m',
  "乐探1,乐探,水平井,否,2020/6/1,４２００, , ,m",
  ",中区,直井,否,2020-07-01,3000,10,,m",
  '中102,中区,定向井,Y,20200701,3000,-12.5,"备注, 含逗号",m',
  "中103,中区,直井,maybe,2020-07-02,3000,1,,m",
  "",
  "石南201,石南,直井,N,2020-05-02,3600,413,改,m",
].join("\r\n") + "\r\n";

test("a GBK CSV with Chinese labels only is detected as the well master", async () => {
  const bytes = new Uint8Array(iconv.encode(WELLS_CSV, "gbk"));
  const parsed = await readTableFile(bytes, { fileName: "wells.csv", tables: TABLES });
  assert.equal(parsed.table, WELLS);
  assert.equal(parsed.format, "csv");
  assert.equal(parsed.encoding, "gb18030");
  assert.deepEqual(parsed.headerRows, [1]);
  assert.deepEqual(parsed.unknownColumns, ["DW"]);
  assert.equal(parsed.blankRows, 1);
  assertParsedRows(
    parsed,
    [
      "well_id",
      "block",
      "well_type",
      "is_key_well",
      "design_date",
      "design_depth_m",
      "ground_elevation_m",
      "remarks",
    ],
    [3, "乐探1", "乐探", "水平井", 0, "2020-06-01", 4200, null, null],
    [5, "中102", "中区", "定向井", 1, "2020-07-01", 3000, -12.5, "备注, 含逗号"],
    [8, "石南201", "石南", "直井", 0, "2020-05-02", 3600, 413, "改"],
  );
  assert.deepEqual(parsed.rejected, [
    {
      row: 4,
      column: "well_id",
      value: null,
      reason:
        "缺少井号 [JH] / missing well id (well_id): 每行都要有 井号 [JH] / every row needs 井号 [JH]",
    },
    {
      row: 6,
      column: "is_key_well",
      value: "maybe",
      reason:
        '不是整数或是/否 "maybe" / not a whole number or yes/no "maybe": write a whole number, or 是/否, Y/N, 1/0',
    },
  ]);
  assert.deepEqual(parsed.duplicateKeys, [{ key: ["石南201"], rows: [2, 8] }]);
});

test("the same CSV as UTF-8 without BOM reads the same rows", async () => {
  const parsed = await readTableFile(new TextEncoder().encode(WELLS_CSV), {
    fileName: "wells.CSV",
    tables: TABLES,
  });
  assert.equal(parsed.encoding, "utf-8");
  assert.deepEqual(parsed.rows.map((r) => r.values.well_id), ["乐探1", "中102", "石南201"]);
});

test("a UTF-8 BOM CSV with English names, a quoted line break and a bad date", async () => {
  const text =
    "\uFEFFwell_id,report_date,depth_m,footage_m,mud_density_g_cm3,main_work,extra_col\n" +
    'W1,2021-03-05,100,10,1.25,"卡钻, 处理",x\n' +
    'W1,2021-03-06,110,10,1.3,"第一行\n第二行",y\n' +
    "W2,03/05/2021,5,5,1.1,钻进,\n" +
    "W2,2021-03-07,,,,,\n";
  const parsed = await readTableFile(new TextEncoder().encode(text), {
    fileName: "daily.csv",
    table: DRILLING_DAILY,
    tables: TABLES,
  });
  assert.equal(parsed.table, DRILLING_DAILY);
  assert.equal(parsed.encoding, "utf-8");
  assert.deepEqual(parsed.unknownColumns, ["extra_col"]);
  assertParsedRows(
    parsed,
    ["well_id", "report_date", "depth_m", "footage_m", "mud_density_g_cm3", "main_work"],
    [2, "W1", "2021-03-05", 100, 10, 1.25, "卡钻, 处理"],
    [3, "W1", "2021-03-06", 110, 10, 1.3, "第一行\n第二行"],
    [5, "W2", "2021-03-07", null, null, null, null],
  );
  assert.deepEqual(parsed.rejected, [{
    row: 4,
    column: "report_date",
    value: "03/05/2021",
    reason:
      '无法识别日期 "03/05/2021" / cannot read date "03/05/2021": use YYYY-MM-DD, YYYY/M/D, YYYYMMDD or an Excel date cell',
  }]);
  assert.equal(parsed.blankRows, 0);
  assert.deepEqual(parsed.duplicateKeys, []);
});

test("a file that lacks the given table's key, an old .xls and an unknown type are refused", async () => {
  const wells = new TextEncoder().encode(WELLS_CSV);
  await assert.rejects(
    readTableFile(wells, { fileName: "wells.csv", table: DRILLING_DAILY, tables: TABLES }),
    /钻井工程日报 缺少关键列 \/ drilling daily report lacks key columns 日期 \[RQ\]/,
  );
  await assert.rejects(
    readTableFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), {
      fileName: "旧.xls",
      tables: TABLES,
    }),
    {
      message:
        '不支持旧版 Excel 文件 "旧.xls" / cannot read old Excel file "旧.xls": 请另存为 .xlsx 或 .csv / save it as .xlsx or .csv',
    },
  );
  await assert.rejects(
    readTableFile(wells, { fileName: "wells.pdf", tables: TABLES }),
    /不支持的文件类型 "wells.pdf" \/ unsupported file type "wells.pdf"/,
  );
});
