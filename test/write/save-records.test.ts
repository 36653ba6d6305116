import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { saveRecords } from "../../lib/write/save-records.ts";
import { DRILLING_DAILY_TARGET } from "../../lib/write/targets.ts";
import { openTempDb, snapshot } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";

let t: TempDb;
before(async () => (t = await openTempDb()));
after(() => t.close());

test("the wells a write touches are checked against the scope before anything is written", async () => {
  const asked: string[][] = [];
  const outsideScope = (wells: readonly string[]) => {
    asked.push([...wells]);
    return Promise.resolve(new Set(wells.filter((w) => w !== "我的井")));
  };
  const records = [
    { well_id: "我的井", report_date: "2021-01-01", depth_m: 10 },
    { well_id: "别人的井", report_date: "2021-01-01", depth_m: 10 },
    { well_id: " 我的井 ", report_date: "2021-01-02", depth_m: 20 },
  ];
  const result = await saveRecords(t.db, DRILLING_DAILY_TARGET, records, {
    actor: "e",
    allOrNothing: false,
    outsideScope,
  });
  assert.deepEqual(
    asked,
    [["我的井", "别人的井"]],
    "one scope question, with every well (ids normalized)",
  );
  assert.deepEqual(result.outcomes.map((o) => o.status), ["inserted", "rejected", "inserted"]);
  assert.match(
    result.outcomes[1].problems[0].reason,
    /^无权访问井号 别人的井 的数据 \/ no access to well 别人的井$/,
  );
  const stored = await t.db.execute("SELECT well_id FROM drilling_daily");
  assert.deepEqual(stored.rows.map((r) => r.well_id), ["我的井", "我的井"]);

  const before = await snapshot(t.db, "drilling_daily");
  const none = await saveRecords(t.db, DRILLING_DAILY_TARGET, [records[1]], {
    actor: "e",
    allOrNothing: false,
    outsideScope,
  });
  assert.deepEqual([none.committed, none.outcomes[0].status], [true, "rejected"]);
  assert.deepEqual(await snapshot(t.db, "drilling_daily"), before);
});

test("a failing commit never reports records as saved", async () => {
  await t.db.execute(
    "CREATE TRIGGER refuse BEFORE INSERT ON drilling_daily WHEN NEW.well_id = '坏' BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END",
  );
  const before = await snapshot(t.db, "drilling_daily");
  const records = [{ well_id: "好", report_date: "2021-01-01" }, {
    well_id: "坏",
    report_date: "2021-01-01",
  }];
  await assert.rejects(
    saveRecords(t.db, DRILLING_DAILY_TARGET, records, {
      actor: "e",
      allOrNothing: false,
      outsideScope: async () => new Set(),
    }),
    /refused by trigger/,
  );
  assert.deepEqual(await snapshot(t.db, "drilling_daily"), before);
});
