import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";
import { runImport } from "../helpers/import-cli.ts";

let t: TempDb;
before(async () => (t = await openTempDb()));
after(() => t.close());

const cli = (argv: string[], tty = false) => runImport(t.url, argv, tty);

const CSV =
  "井号,日期,当日井深\nA1,2021-01-01,100\nA1,2021-01-02,200\nA2,2021-01-01,50\n,2021-01-03,1\n";

test("the command imports into DATABASE_URL, prints the summary and writes --report", async () => {
  const file = join(t.dir, "daily.csv");
  const report = join(t.dir, "report.json");
  await writeFile(file, CSV);
  const dry = await cli([file, "--dry-run"]);
  assert.equal(dry.code, 0);
  assert.match(dry.out, /dry run \(nothing written\)/);
  assert.equal(
    Number((await t.db.execute("SELECT count(*) AS n FROM drilling_daily")).rows[0].n),
    0,
  );

  const { code, out, err } = await cli([file, "--table", "drilling_daily", "--report", report]);
  assert.equal(code, 0);
  assert.match(out, /新增 inserted 3, 更新 updated 0, 未变 unchanged 0, 拒绝 rejected 1/);
  assert.match(
    err,
    /^导入进度 import progress 100%: 3\/3 行 rows/m,
    "plain progress lines when not a terminal",
  );
  assert.doesNotMatch(err, /\r/);
  const json = JSON.parse(await readFile(report, "utf8"));
  assert.deepEqual([
    json.inserted,
    json.rejected,
    json.rejected_rows[0].row,
    json.rejected_rows[0].column,
  ], [3, 1, 5, "well_id"]);
  const rows = await t.db.execute("SELECT well_id, created_by FROM drilling_daily ORDER BY id");
  assert.deepEqual(rows.rows.map((r) => r.created_by), ["import ops", "import ops", "import ops"]);

  const again = await cli([file], true);
  assert.match(again.out, /新增 inserted 0, 更新 updated 0, 未变 unchanged 3/);
  assert.match(
    again.err,
    /\r\[#+\] 100% 3\/3 行 rows, \d+ 行\/秒 rows\/s, 剩余 ETA 0 s/,
    "a bar on a terminal",
  );
});

test("bad usage exits 2; a file that cannot be read exits 1 and says the database is unchanged", async () => {
  assert.equal((await cli([])).code, 2);
  const unknown = await cli(["x.csv", "--table", "nope"]);
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.err,
    /unknown table "nope": use one of wells, drilling_daily, key_well_daily, pre_drilling/,
  );
  const header = join(t.dir, "header.csv");
  await writeFile(header, "foo,bar\n1,2\n");
  const failed = await cli([header]);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /import failed, the database is unchanged: 无法识别表头 "foo, bar"/);
});
