import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { importFile } from "../../lib/import/import-file.ts";
import { openTempDb, snapshot } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";
import { assertRows } from "../helpers/assert-rows.ts";

let t: TempDb;
before(async () => (t = await openTempDb()));
after(() => t.close());

const run = (bytes: Uint8Array, fileName: string) =>
  importFile(t.db, bytes, { fileName, dryRun: false, actor: "tester" });

test("a GBK key-well daily CSV (their D. codes) is recognised, imported, and unchanged the second time", async () => {
  const text = [
    "JH,QK,CW,CXH,RQ,ZT,YZ,RCQL,HS,YYSX,D.LY,D.BZ",
    "井号,区块,层位,层序号,日期,状态,油嘴,日产气量,含水,油压上限,流压,施工内容/备注",
    "石南201,石南,J1b,1,2021-03-05,生产,5,3.2,12,18.5,25.1,正常生产",
    "石南201,石南,J1b,2,2021-03-05,生产,5,1.1,40,17.0,24.0,",
    "石南201,石南,J1b,1,2021-03-06,关井,,0,,,,关井测压",
    "石南201,石南,J1b,1,2021-03-07,生产,5,3.0,120,18,25,含水超限",
  ].join("\r\n");
  const bytes = new Uint8Array(iconv.encode(text, "gbk"));
  const first = await run(bytes, "试采.csv");
  assert.deepEqual([first.table, first.inserted, first.rejected], ["key_well_daily", 3, 1]);
  assert.deepEqual(first.rejected_rows.map((r) => [r.row, r.column, r.value]), [[
    6,
    "water_cut_pct",
    120,
  ]]);
  assert.deepEqual(first.not_in_master, { rows: 3, wells: 1, examples: ["石南201"] });
  await assertRows(
    t.db,
    "SELECT layer_no, report_date, gas_rate_1e4m3_d, flowing_pressure_mpa, remarks FROM key_well_daily ORDER BY report_date, layer_no",
    ["layer_no", "report_date", "gas_rate_1e4m3_d", "flowing_pressure_mpa", "remarks"],
    ["1", "2021-03-05", 3.2, 25.1, "正常生产"],
    ["2", "2021-03-05", 1.1, 24, null],
    ["1", "2021-03-06", 0, null, "关井测压"],
  );
  const before = await snapshot(t.db, "key_well_daily");
  const second = await run(bytes, "试采.csv");
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 3]);
  assert.deepEqual(await snapshot(t.db, "key_well_daily"), before);
});

test("a pre-drilling .xlsx with a two-row header is imported by well; a changed date is an update", async () => {
  const book = async (survey: Date) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("钻前");
    sheet.addRow(["KTXM", "SSND", "JH", "JWZYSJ", "JWTCLSJ", "BJJSSJ"]);
    sheet.addRow(["勘探项目", "实施年度", "井号", "井位论证", "井位测量", "搬家安装结束"]);
    sheet.addRow(["准东", 2021, "乐探1", new Date(Date.UTC(2021, 0, 5)), survey, "2021/4/1"]);
    sheet.addRow(["准东", 2021, "乐探2", "2021-01-06", null, null]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };
  const first = await run(await book(new Date(Date.UTC(2021, 1, 1))), "钻前.xlsx");
  assert.deepEqual([first.table, first.inserted, first.rejected], ["pre_drilling", 2, 0]);
  const again = await run(await book(new Date(Date.UTC(2021, 1, 1))), "钻前.xlsx");
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2]);
  const changed = await run(await book(new Date(Date.UTC(2021, 1, 3))), "钻前.xlsx");
  assert.deepEqual([changed.updated, changed.unchanged], [1, 1]);
  const row = (await t.db.execute(
    "SELECT id, location_survey_date, rig_move_end_date FROM pre_drilling WHERE well_id = '乐探1'",
  )).rows[0];
  assert.deepEqual([row.location_survey_date, row.rig_move_end_date], ["2021-02-03", "2021-04-01"]);
  const h = await t.db.execute(
    "SELECT before_json FROM record_history WHERE table_name = 'pre_drilling' AND action = 'update' AND record_id = ?",
    [String(row.id)],
  );
  assert.equal(JSON.parse(String(h.rows[0].before_json)).location_survey_date, "2021-02-01");
});
