import { test } from "node:test";
import assert from "node:assert/strict";
import { guardReturning, shadowSql } from "../../lib/scope/shadow-sql.ts";
import { sqlShape } from "../../lib/scope/sql-shape.ts";

const T = [
  { name: "wells", body: "SELECT * FROM main.wells WHERE 0", keyed: true },
  { name: "drilling_daily", body: "SELECT * FROM main.drilling_daily WHERE 0", keyed: true },
];

test("sqlShape reads the verb, write target and RETURNING past comments, strings and the statement's own WITH", () => {
  assert.equal(sqlShape("  -- note\n /* x */ select 1").verb, "SELECT");
  assert.deepEqual({
    ...sqlShape("INSERT OR IGNORE INTO main.\"drilling_daily\" (a) VALUES ('RETURNING')"),
    names: null,
  }, { verb: "INSERT", with: null, target: "drilling_daily", returning: false, names: null });
  assert.equal(sqlShape("UPDATE wells SET x = 1 WHERE y IN (SELECT 1 RETURNING)").returning, false);
  assert.equal(sqlShape("DELETE FROM [wells] WHERE 1 RETURNING id").target, "wells");
  assert.equal(sqlShape("DELETE FROM [wells] WHERE 1 RETURNING id").returning, true);
  const w = sqlShape(
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) UPDATE drilling_daily SET x = 1",
  );
  assert.equal(w.verb, "UPDATE");
  assert.equal(w.target, "drilling_daily");
  assert.equal(w.with?.recursive, true);
  assert.equal(sqlShape("PRAGMA table_info(wells)").verb, "OTHER");
  assert.ok(!sqlShape("SELECT 'wells' AS x").names.has("wells"), "a string is not a name");
});

test("shadowSql prefixes only the tables a statement names, merging into its own WITH (RECURSIVE)", () => {
  assert.equal(shadowSql("SELECT 1", sqlShape("SELECT 1"), T), "SELECT 1");
  const one = "SELECT count(*) FROM drilling_daily";
  assert.equal(
    shadowSql(one, sqlShape(one), T),
    `WITH "drilling_daily" AS (SELECT * FROM main.drilling_daily WHERE 0)\n${one}`,
  );
  const own = "with recursive d AS (SELECT * FROM wells) SELECT * FROM d";
  assert.equal(
    shadowSql(own, sqlShape(own), T),
    `WITH RECURSIVE "wells" AS (SELECT * FROM main.wells WHERE 0),\n  d AS (SELECT * FROM wells) SELECT * FROM d`,
  );
  assert.throws(
    () => shadowSql("EXPLAIN SELECT * FROM wells", sqlShape("EXPLAIN SELECT * FROM wells"), T),
    /refusing a statement/,
  );
});

test("guardReturning adds the well and rowid to a new or an existing RETURNING clause", () => {
  assert.equal(
    guardReturning("DELETE FROM wells WHERE 1;  ", sqlShape("DELETE FROM wells WHERE 1")),
    "DELETE FROM wells WHERE 1\nRETURNING well_id AS __scope_well, rowid AS __scope_rowid",
  );
  const r = "UPDATE wells SET a = 1 RETURNING *";
  assert.equal(
    guardReturning(r, sqlShape(r)),
    `${r},\n  well_id AS __scope_well, rowid AS __scope_rowid`,
  );
});
