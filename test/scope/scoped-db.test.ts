import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../../lib/db/db.ts";
import { ALL_WELLS, scopeOf } from "../../lib/scope/data-scope.ts";
import type { GrantedScope } from "../../lib/scope/data-scope.ts";
import { NO_ACCESS_RECORD, scopeDatabase } from "../../lib/scope/scoped-db.ts";
import { ToolError } from "../../lib/call/tool-error.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";

let t: TempDb;
let db: Db;
const BLOCK_A: GrantedScope = { kind: "granted", blocks: ["A"], wells: ["X9"] };
const ids = (rows: Record<string, unknown>[], key = "well_id") =>
  rows.map((r) => String(r[key])).sort();

before(async () => {
  t = await openTempDb();
  db = t.db;
  await db.batch([
    { sql: "INSERT INTO wells (well_id, block) VALUES ('A1', 'A'), ('A2', 'A'), ('B1', 'B')" },
    {
      sql:
        "INSERT INTO drilling_daily (well_id, report_date, footage_m) VALUES ('A1', '2026-01-01', 10), ('A2', '2026-01-01', 20), ('B1', '2026-01-01', 400), ('X9', '2026-01-01', 5), ('Y8', '2026-01-01', 7000)",
    },
    {
      sql:
        "INSERT INTO record_history (table_name, record_id, action, before_json, after_json, changed_by) VALUES ('drilling_daily', '1', 'update', '{\"well_id\":\"A1\"}', '{\"well_id\":\"A1\"}', 't'), ('drilling_daily', '3', 'update', '{\"well_id\":\"B1\"}', '{\"well_id\":\"B1\"}', 't'), ('access_grants', '1', 'insert', NULL, '{\"value\":\"B\"}', 't')",
    },
  ]);
});
after(() => t.close());

test("an every-well scope is the database itself (no rewriting, no cost)", async () => {
  assert.equal(await scopeDatabase(db, ALL_WELLS), db);
});

test("reads see visible wells only: joins, subqueries, aggregates, UNION, the statement's own WITH RECURSIVE", async () => {
  const s = await scopeDatabase(db, BLOCK_A);
  assert.deepEqual(scopeOf(s), BLOCK_A);
  assert.deepEqual(ids((await s.execute("SELECT well_id FROM wells")).rows), ["A1", "A2"]);
  assert.deepEqual(ids((await s.execute("SELECT DISTINCT well_id FROM drilling_daily")).rows), [
    "A1",
    "A2",
    "X9",
  ], "X9 (not in the master) only by its well grant");
  assert.equal((await s.execute("SELECT sum(footage_m) AS f FROM drilling_daily")).rows[0].f, 35);
  const joined = await s.execute(
    "SELECT d.well_id FROM drilling_daily d LEFT JOIN wells w ON w.well_id = d.well_id WHERE d.footage_m > (SELECT min(footage_m) - 1 FROM drilling_daily x WHERE x.well_id IN (SELECT well_id FROM wells))",
  );
  assert.deepEqual(
    ids(joined.rows),
    ["A1", "A2"],
    "X9's 5 m is below the visible master wells' minimum",
  );
  const union = await s.execute(
    "SELECT well_id FROM wells UNION SELECT well_id FROM drilling_daily",
  );
  assert.deepEqual(ids(union.rows), ["A1", "A2", "X9"]);
  const rec = await s.execute(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3), t AS (SELECT count(*) AS c FROM drilling_daily) SELECT sum(c) AS s FROM n, t",
  );
  assert.equal(rec.rows[0].s, 9);
  assert.deepEqual(
    ids((await s.execute("SELECT record_id FROM record_history")).rows, "record_id"),
    ["1"],
    "history of visible rows only",
  );
  assert.equal(
    (await s.execute("SELECT count(*) AS n FROM access_grants")).rows[0].n,
    0,
    "grants are hidden from scoped callers",
  );
  assert.equal(
    Number((await s.execute("SELECT count(*) AS n FROM schema_migrations")).rows[0].n) > 0,
    true,
  );
});

test("a table added later is covered without a code change: with well_id by the scope, without it hidden", async () => {
  await db.batch([
    { sql: "CREATE TABLE well_plans_t (well_id TEXT, depth REAL)" },
    { sql: "INSERT INTO well_plans_t VALUES ('A1', 1), ('B1', 2)" },
    { sql: "CREATE TABLE notes_t (text TEXT)" },
    { sql: "INSERT INTO notes_t VALUES ('B1 is secret')" },
  ]);
  const s = await scopeDatabase(db, BLOCK_A);
  assert.deepEqual(ids((await s.execute("SELECT well_id FROM well_plans_t")).rows), ["A1"]);
  assert.equal((await s.execute("SELECT count(*) AS n FROM notes_t")).rows[0].n, 0);
  await assert.rejects(
    () => s.execute("EXPLAIN SELECT * FROM drilling_daily"),
    /refusing a statement/,
  );
});

test("writes: targets are the real tables; a write touching an invisible well is refused and rolled back", async () => {
  const s = await scopeDatabase(db, BLOCK_A);
  const ins = await s.execute(
    "INSERT INTO drilling_daily (well_id, report_date) VALUES ('A1', '2026-01-02')",
  );
  assert.equal(ins.rowsAffected, 1);
  assert.equal(
    ins.lastInsertRowid,
    Number((await db.execute("SELECT max(id) AS m FROM drilling_daily")).rows[0].m),
  );
  assert.deepEqual(ins.rows, []);
  const count = async () =>
    Number((await db.execute("SELECT count(*) AS n FROM drilling_daily")).rows[0].n);
  const n = await count();
  await assert.rejects(
    () =>
      s.execute("INSERT INTO drilling_daily (well_id, report_date) VALUES ('B1', '2026-01-03')"),
    (e) =>
      e instanceof ToolError && e.kind === "forbidden" &&
      e.message === "无权访问井号 B1 的数据 / no access to well B1",
  );
  await assert.rejects(
    () => s.execute("UPDATE drilling_daily SET footage_m = 0 WHERE well_id = 'B1'"),
    (e) => (e as Error).message === NO_ACCESS_RECORD,
  );
  await assert.rejects(
    () => s.execute("UPDATE wells SET block = 'B' WHERE well_id = 'A2'"),
    (e) => (e as Error).message === NO_ACCESS_RECORD,
    "moving a well out of the scope",
  );
  await assert.rejects(() =>
    s.batch([
      { sql: "INSERT INTO drilling_daily (well_id, report_date) VALUES ('A2', '2026-01-05')" },
      { sql: "INSERT INTO drilling_daily (well_id, report_date) VALUES ('Y8', '2026-01-05')" },
    ]), /no access to well Y8/);
  // A transaction whose work swallowed the refusal is still rolled back.
  await assert.rejects(() =>
    s.transaction(async (tx) => {
      await tx.execute(
        "INSERT INTO drilling_daily (well_id, report_date) VALUES ('A2', '2026-01-06')",
      );
      await tx.execute(
        "INSERT INTO drilling_daily (well_id, report_date) VALUES ('B1', '2026-01-06')",
      ).catch(() => null);
      return "done";
    }), /no access to well B1/);
  assert.equal(await count(), n, "nothing changed");
  assert.equal(
    (await db.execute("SELECT footage_m FROM drilling_daily WHERE well_id = 'B1'")).rows[0]
      .footage_m,
    400,
  );
  assert.equal(
    (await db.execute("SELECT block FROM wells WHERE well_id = 'A2'")).rows[0].block,
    "A",
  );
  const upd = await s.execute(
    "UPDATE drilling_daily SET footage_m = 11 WHERE well_id = 'A1' AND report_date = '2026-01-01' RETURNING footage_m",
  );
  assert.deepEqual(upd.rows, [{ footage_m: 11 }]);
  assert.equal(upd.rowsAffected, 1);
});

test("the CSV export (the REST download's data path) streams the visible rows only", async () => {
  const { exportCsv } = await import("../../lib/data/export.ts");
  let csv = "";
  for await (const chunk of exportCsv(await scopeDatabase(db, BLOCK_A), "drilling_daily")) {
    csv += chunk;
  }
  const wells = csv.trim().split("\n").slice(1).map((line) => line.split(",")[1]);
  assert.deepEqual([...new Set(wells)].sort(), ["A1", "A2", "X9"]);
});
