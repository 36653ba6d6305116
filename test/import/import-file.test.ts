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

const run = (bytes: Uint8Array, fileName: string, dryRun = false) =>
  importFile(t.db, bytes, { fileName, dryRun, actor: "tester" });
const count = async (sql: string) => Number((await t.db.execute(sql)).rows[0].n);

/** The well master as the field keeps it: codes in row 1, Chinese labels in row 2. */
async function wellWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("油井基础信息");
  sheet.addRow(["JH", "QK", "JX", "SFZDJ", "SJRQ", "SJJS", "DW"]);
  sheet.addRow(["井号", "区块", "井型", "是否重点井", "设计日期", "设计井深", "单位"]);
  sheet.addRow(["乐探1", "乐探", "直井", "是", new Date(Date.UTC(2020, 4, 6)), 4500, "m"]);
  sheet.addRow(["石南２０１", "石南", "水平井", "否", "2020/7/1", "3,850", "m"]);
  sheet.addRow(["中102", "中部", "定向井", "否", "20200801", 3200, "m"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A daily report exported by Chinese Excel: GBK CSV with a code row and a label row. */
function dailyGbk(rows: string[]): Uint8Array {
  const text =
    ["JH,RQ,DRJS,ZJRJC,ZJYMD,BRZYGZ", "井号,日期,当日井深,日进尺,钻井液密度,本日主要工作", ...rows]
      .join("\r\n") + "\r\n";
  return new Uint8Array(iconv.encode(text, "gbk"));
}

const DAILY = [
  "乐探1,2021-03-05,1200,100,1.20,钻进",
  "乐探1,2021/3/6,1300,100,1.22,钻进，循环",
  "石南201,20210305,800,80,1.15,下套管",
  "未入库井9,2021-03-05,500,50,1.10,钻进",
];

test("an .xlsx well master with a two-row header is imported, and importing it again changes nothing", async () => {
  const bytes = await wellWorkbook();
  const first = await run(bytes, "油井.xlsx");
  assert.equal(first.table, "wells");
  assert.deepEqual([first.inserted, first.updated, first.unchanged, first.rejected], [3, 0, 0, 0]);
  assert.equal(first.not_in_master, null);
  await assertRows(
    t.db,
    "SELECT well_id, block, is_key_well, design_date, design_depth_m FROM wells ORDER BY well_id",
    ["well_id", "block", "is_key_well", "design_date", "design_depth_m"],
    ["中102", "中部", 0, "2020-08-01", 3200],
    ["乐探1", "乐探", 1, "2020-05-06", 4500],
    ["石南201", "石南", 0, "2020-07-01", 3850],
  );
  const before = await snapshot(t.db, "wells");
  const history = await count("SELECT count(*) AS n FROM record_history");
  const second = await run(bytes, "油井.xlsx");
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 3]);
  assert.deepEqual(await snapshot(t.db, "wells"), before);
  assert.equal(await count("SELECT count(*) AS n FROM record_history"), history);
});

test("a GBK daily CSV is imported once; again it is unchanged; wells missing from the master are stored and counted", async () => {
  const bytes = dailyGbk(DAILY);
  const first = await run(bytes, "日报.csv");
  assert.equal(first.encoding, "gb18030");
  assert.deepEqual([first.table, first.inserted, first.updated, first.unchanged], [
    "drilling_daily",
    4,
    0,
    0,
  ]);
  assert.deepEqual(first.not_in_master, { rows: 1, wells: 1, examples: ["未入库井9"] });
  assert.equal(
    await count("SELECT count(*) AS n FROM drilling_daily WHERE well_id = '未入库井9'"),
    1,
  );
  const before = await snapshot(t.db, "drilling_daily");
  const second = await run(bytes, "日报.csv");
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 4]);
  assert.deepEqual(await snapshot(t.db, "drilling_daily"), before);
});

test("a changed row updates the record and keeps the previous values in history", async () => {
  const changed = dailyGbk([
    DAILY[0],
    "乐探1,2021-03-06,1310,110,1.22,钻进，循环",
    DAILY[2],
    DAILY[3],
  ]);
  const summary = await run(changed, "日报.csv");
  assert.deepEqual([summary.inserted, summary.updated, summary.unchanged], [0, 1, 3]);
  const row = (await t.db.execute(
    "SELECT id, depth_m, footage_m, updated_by FROM drilling_daily WHERE well_id = '乐探1' AND report_date = '2021-03-06'",
  )).rows[0];
  assert.deepEqual({ ...row, id: 0 }, {
    id: 0,
    depth_m: 1310,
    footage_m: 110,
    updated_by: "tester",
  });
  const h = (await t.db.execute(
    "SELECT before_json, after_json, changed_by FROM record_history WHERE table_name = 'drilling_daily' AND action = 'update' AND record_id = ?",
    [String(row.id)],
  )).rows;
  assert.equal(h.length, 1);
  assert.equal(JSON.parse(String(h[0].before_json)).depth_m, 1300);
  assert.equal(JSON.parse(String(h[0].after_json)).depth_m, 1310);
  assert.equal(h[0].changed_by, "tester");
});

test("bad rows are rejected with row, column, value and reason; the good rows are stored", async () => {
  const bytes = dailyGbk([
    "坏井1,2021-04-01,1000,10,1.2,钻进",
    ",2021-04-02,1000,10,1.2,钻进",
    "坏井1,2021-02-30,1000,10,1.2,钻进",
    "坏井1,2021-04-03,-5,10,1.2,钻进",
    "坏井1,2021-04-04,1000,10,3.5,钻进",
    "坏井1,2021-04-05,1000,10,1.3,钻进",
  ]);
  const s = await run(bytes, "bad.csv");
  assert.deepEqual([s.inserted, s.rejected], [2, 4]);
  assert.deepEqual(s.rejected_rows.map((r) => [r.row, r.column, r.value]), [
    [4, "well_id", null],
    [5, "report_date", "2021-02-30"],
    [6, "depth_m", -5],
    [7, "mud_density_g_cm3", 3.5],
  ]);
  assert.match(s.rejected_rows[3].reason, /0\.8–2\.6/);
  assert.match(s.rejected_rows[0].reason, /^缺少井号.* \/ missing well id/);
  const stored = await t.db.execute(
    "SELECT report_date FROM drilling_daily WHERE well_id = '坏井1' ORDER BY report_date",
  );
  assert.deepEqual(stored.rows.map((r) => r.report_date), ["2021-04-01", "2021-04-05"]);
});

test("a failure mid-file leaves the database exactly as it was", async () => {
  const rows = Array.from(
    { length: 1200 },
    (_, i) =>
      `失败井${i % 7},${
        new Date(Date.UTC(2022, 0, 1 + Math.floor(i / 7))).toISOString().slice(0, 10)
      },${i},1,1.2,钻进`,
  );
  rows[1100] = "爆炸井,2022-06-01,1,1,1.2,钻进";
  await t.db.execute(
    "CREATE TRIGGER boom BEFORE INSERT ON drilling_daily WHEN NEW.well_id = '爆炸井' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
  );
  const daily = await snapshot(t.db, "drilling_daily");
  const history = await snapshot(t.db, "record_history");
  try {
    const done: number[] = [];
    const failing = importFile(t.db, dailyGbk(rows), {
      fileName: "big.csv",
      dryRun: false,
      actor: "tester",
      onProgress: (n) => done.push(n),
    });
    await assert.rejects(failing, /disk on fire/);
    assert.deepEqual(
      done,
      [500, 1000],
      "two chunks were written inside the transaction before the failure",
    );
  } finally {
    await t.db.execute("DROP TRIGGER boom");
  }
  assert.deepEqual(await snapshot(t.db, "drilling_daily"), daily);
  assert.deepEqual(await snapshot(t.db, "record_history"), history);
});

test("a dry run reports what would happen and writes nothing", async () => {
  const bytes = dailyGbk([
    DAILY[0],
    "乐探1,2021-03-06,1400,110,1.22,钻进",
    "乐探1,2021-03-07,1500,100,1.25,钻进",
  ]);
  const daily = await snapshot(t.db, "drilling_daily");
  const history = await snapshot(t.db, "record_history");
  const s = await run(bytes, "日报.csv", true);
  assert.equal(s.dry_run, true);
  assert.deepEqual([s.inserted, s.updated, s.unchanged], [1, 1, 1]);
  assert.deepEqual(await snapshot(t.db, "drilling_daily"), daily);
  assert.deepEqual(await snapshot(t.db, "record_history"), history);
});

test("a soft-deleted well is not silently brought back by an import", async () => {
  await t.db.execute(
    "UPDATE wells SET deleted_at = '2024-01-01T00:00:00Z' WHERE well_id = '中102'",
  );
  const s = await run(await wellWorkbook(), "油井.xlsx");
  assert.deepEqual([s.unchanged, s.rejected], [2, 1]);
  assert.equal(s.rejected_rows[0].row, 5);
  assert.match(s.rejected_rows[0].reason, /已于 2024-01-01T00:00:00Z 删除.*restore it/);
});
