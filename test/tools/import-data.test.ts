import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import ExcelJS from "exceljs";
import { countRows } from "../helpers/count-rows.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const call = (role: string, args: unknown) =>
  restCall(server.url, identity(role), "import_data", args);
const count = () => countRows(server.db, "drilling_daily");
const CSV =
  "JH,RQ,DRJS,ZJYMD\n井号,日期,当日井深,钻井液密度\nA1,2021-01-01,100,1.2\nA1,2021-01-02,200,9\nA2,2021/1/1,50,1.1\n";

test("import_data is a dry run unless told otherwise, then imports, then a second import changes nothing", async () => {
  const dry = await call("ADMIN", { csv_text: CSV, file_name: "日报" });
  assert.equal(dry.status, 200);
  const d = dry.body.result;
  assert.deepEqual([
    d.dry_run,
    d.file,
    d.inserted,
    d.rejected,
    d.rejected_rows[0].row,
    d.rejected_rows[0].column,
  ], [true, "日报.csv", 2, 1, 4, "mud_density_g_cm3"]);
  assert.match(dry.body.text, /dry_run=false/);
  assert.equal(await count(), 0);

  const real = (await call("ADMIN", { csv_text: CSV, dry_run: false })).body.result;
  assert.deepEqual([real.dry_run, real.inserted, real.not_in_master.rows], [false, 2, 2]);
  assert.equal(await count(), 2);
  const again = (await call("ADMIN", { csv_text: CSV, dry_run: false })).body.result;
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2]);
});

test("a base64 .xlsx is imported; a bad file is an invalid call; only ADMIN may import", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("井");
  sheet.addRow(["JH", "QK"]);
  sheet.addRow(["井号", "区块"]);
  sheet.addRow(["A1", "石南"]);
  const b64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
  const r = (await call("ADMIN", { xlsx_base64: b64, dry_run: false })).body.result;
  assert.deepEqual([r.table, r.inserted], ["wells", 1]);

  const bad = await call("ADMIN", { csv_text: "foo,bar\n1,2\n", dry_run: false });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /无法识别表头 "foo, bar"/);
  const notB64 = await call("ADMIN", { xlsx_base64: "@@@" });
  assert.equal(notB64.status, 400);
  for (const role of ["ENGINEER", "USER"]) {
    const denied = await call(role, { csv_text: CSV, dry_run: false });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, `权限不足：用户角色 ${role} 无权访问工具 import_data`);
  }
});
