import { test } from "node:test";
import assert from "node:assert/strict";
import { openDatabase } from "../../../lib/db/db.ts";
import { migrate } from "../../../lib/db/migrations/index.ts";
import { KEY_WELL_DAILY } from "../../../lib/schema/key-well-daily.ts";
import { PRE_DRILLING } from "../../../lib/schema/pre-drilling.ts";
import { normalizeWellId } from "../../../lib/words/well-id.ts";

const IDS = [
  "W001",
  " ｗ００１井 ",
  "石南201",
  "石南 201",
  "石南201井",
  "石南201井号",
  "中１０２",
  "乐探1",
  "Ｍａ-１",
  "玛页1\u3000",
  "夏72\t",
  "金龙2\u00a0井",
  "井",
  "（试）1",
  "A＃3",
  "sn201",
];

test("the triggers keep well_key equal to normalizeWellId on insert and on update", async () => {
  const db = await openDatabase({ url: ":memory:", kind: "memory" });
  try {
    await migrate(db);
    for (const [i, id] of IDS.entries()) {
      await db.execute("INSERT INTO wells (well_id, name) VALUES (?, ?)", [id, `名${id}`]);
      await db.execute("INSERT INTO drilling_daily (well_id, report_date) VALUES (?, ?)", [
        id,
        `2026-01-${String(i + 1).padStart(2, "0")}`,
      ]);
      await db.execute(
        "INSERT INTO key_well_daily (well_id, report_date) VALUES (?, '2026-01-01')",
        [id],
      );
      await db.execute("INSERT INTO pre_drilling (well_id) VALUES (?)", [id]);
    }
    for (const table of ["wells", "drilling_daily", "key_well_daily", "pre_drilling"]) {
      const rows = (await db.execute(`SELECT well_id, well_key FROM ${table}`)).rows;
      for (const r of rows) {
        assert.equal(r.well_key, normalizeWellId(String(r.well_id)), `${table} "${r.well_id}"`);
      }
    }
    const names = (await db.execute("SELECT name, name_key FROM wells")).rows;
    for (const r of names) assert.equal(r.name_key, normalizeWellId(String(r.name)));
    await db.execute("UPDATE drilling_daily SET well_id = ? WHERE well_id = 'W001'", ["ｍａ９井"]);
    const moved = await db.execute(
      "SELECT well_key FROM drilling_daily WHERE well_id = 'ｍａ９井'",
    );
    assert.equal(moved.rows[0].well_key, "MA9");
  } finally {
    db.close();
  }
});

test("migration 003 creates every metadata column of the new tables, and their natural keys hold", async () => {
  const db = await openDatabase({ url: ":memory:", kind: "memory" });
  try {
    await migrate(db);
    for (const table of [KEY_WELL_DAILY, PRE_DRILLING]) {
      const cols = (await db.execute(`PRAGMA table_info(${table.name})`)).rows.map((r) => r.name);
      for (const c of table.columns) {
        assert.ok(cols.includes(c.name), `${table.name}.${c.name} exists`);
      }
    }
    const row =
      "INSERT INTO key_well_daily (well_id, report_date, horizon, layer_no) VALUES ('K1', '2026-01-01', 'J1s', '1')";
    await db.execute(row);
    await assert.rejects(db.execute(row), /UNIQUE/);
    await db.execute(
      "INSERT INTO key_well_daily (well_id, report_date, horizon, layer_no) VALUES ('K1', '2026-01-01', 'J1s', '2')",
    );
    await db.execute("INSERT INTO pre_drilling (well_id) VALUES ('P1')");
    await assert.rejects(db.execute("INSERT INTO pre_drilling (well_id) VALUES ('P1')"), /UNIQUE/);
  } finally {
    db.close();
  }
});
