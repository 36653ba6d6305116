import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DRILLING_DAILY_TARGET, WELLS_TARGET } from "../../lib/write/targets.ts";
import { upsertRows } from "../../lib/write/upsert-rows.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";

let t: TempDb;
before(async () => (t = await openTempDb()));
after(() => t.close());

const kinds = (plans: { kind: string }[]) => plans.map((p) => p.kind);

test("numbers round-trip exactly: a value with 17 significant digits is unchanged on the second write", async () => {
  const rows = [{
    row: 1,
    values: {
      well_id: "W1",
      report_date: "2021-01-01",
      depth_m: 0.1 + 0.2,
      rop_m_h: 1 / 3,
      footage_m: 12,
    },
  }];
  assert.deepEqual(
    kinds(await upsertRows(t.db, DRILLING_DAILY_TARGET, rows, { apply: true, actor: "a" })),
    ["insert"],
  );
  assert.deepEqual(
    kinds(await upsertRows(t.db, DRILLING_DAILY_TARGET, rows, { apply: true, actor: "a" })),
    ["unchanged"],
  );
});

test("only the fields given are compared and written; chunks of any size give the same outcome", async () => {
  const values = Array.from(
    { length: 7 },
    (_, i) => ({
      row: i + 2,
      values: { well_id: `C${i % 3}`, report_date: `2021-02-0${i + 1}`, depth_m: i },
    }),
  );
  const first = await upsertRows(t.db, DRILLING_DAILY_TARGET, values, {
    apply: true,
    actor: "a",
    chunkSize: 2,
  });
  assert.deepEqual(kinds(first), Array(7).fill("insert"));
  const partial = values.map((r) => ({
    row: r.row,
    values: {
      well_id: r.values.well_id,
      report_date: r.values.report_date,
      main_work: r.row === 4 ? "钻进" : null,
    },
  }));
  const second = await upsertRows(t.db, DRILLING_DAILY_TARGET, partial, {
    apply: true,
    actor: "b",
    chunkSize: 3,
  });
  assert.deepEqual(kinds(second), [
    "unchanged",
    "unchanged",
    "update",
    "unchanged",
    "unchanged",
    "unchanged",
    "unchanged",
  ]);
  const row = (await t.db.execute(
    "SELECT depth_m, main_work, created_by, updated_by FROM drilling_daily WHERE well_id = 'C2' AND report_date = '2021-02-03'",
  )).rows[0];
  assert.deepEqual(row, { depth_m: 2, main_work: "钻进", created_by: "a", updated_by: "b" });
});

test("a plan-only run writes nothing; the well master is keyed by its id and has no actor columns", async () => {
  const rows = [{ row: 1, values: { well_id: "新井", block: "石南" } }];
  assert.deepEqual(
    kinds(await upsertRows(t.db, WELLS_TARGET, rows, { apply: false, actor: "a" })),
    ["insert"],
  );
  assert.equal((await t.db.execute("SELECT count(*) AS n FROM wells")).rows[0].n, 0);
  const done = await upsertRows(t.db, WELLS_TARGET, rows, { apply: true, actor: "a" });
  assert.deepEqual(done.map((p) => ("id" in p ? p.id : null)), ["新井"]);
  const h = (await t.db.execute(
    "SELECT record_id, action, after_json FROM record_history WHERE table_name = 'wells'",
  )).rows;
  assert.deepEqual(h.map((r) => [r.record_id, r.action, JSON.parse(String(r.after_json)).block]), [[
    "新井",
    "insert",
    "石南",
  ]]);
});
