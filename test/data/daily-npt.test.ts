import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { reportNpt } from "../../lib/data/daily-npt.ts";
import { migrate, MIGRATIONS } from "../../lib/db/migrations/index.ts";
import { insertStatements } from "../../lib/seed/index.ts";
import { saveRecords } from "../../lib/write/save-records.ts";
import { DRILLING_DAILY_TARGET } from "../../lib/write/targets.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { openTempDb } from "../helpers/temp-db.ts";

let server: TestServer;
before(async () => {
  server = await startTestServer({ SEED_DEMO_DATA: "0" });
  await server.db.execute("INSERT INTO wells (well_id, name) VALUES ('N1', 'N1')");
});
after(() => server.close());

const admin = identity("ADMIN");
const nptOf = async (id: number) =>
  (await server.db.execute(
    "SELECT category, hours, source, hours_unknown FROM daily_npt WHERE report_id = ? ORDER BY ord",
    [id],
  )).rows
    .map((r) => [r.category, r.hours, r.source, r.hours_unknown]);

test("one rule for a report's NPT: npt_h when present, else the main-work text, else unknown", () => {
  assert.deepEqual(reportNpt({ npt_h: 3, npt_category: "等停", main_work: "处理卡钻6小时" }), {
    source: "recorded",
    entries: new Map([["waiting", 3]]),
    hoursUnknown: false,
  });
  assert.deepEqual(reportNpt({ npt_h: null, main_work: "钻进；处理卡钻6小时" }), {
    source: "text",
    entries: new Map([["downhole", 6]]),
    hoursUnknown: false,
  });
  assert.equal(reportNpt({ npt_h: null, main_work: "修泵，钻进" })?.hoursUnknown, true);
  assert.equal(reportNpt({ npt_h: -1, main_work: "  " }), null);
});

test("every write of drilling_daily refreshes its NPT in the same transaction (add, update, delete, restore, undo, purge)", async () => {
  const added = await restCall(server.url, admin, "add_drilling_record", {
    well_id: "N1",
    report_date: "2026-01-02",
    main_work: "钻进至800m；处理卡钻6小时",
  });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  const id = Number(added.body.result.record.id);
  assert.deepEqual(await nptOf(id), [["downhole", 6, "text", 0]]);
  const update = async () =>
    assert.equal(
      (await restCall(server.url, admin, "update_drilling_record", {
        record_id: id,
        npt_h: 2,
        npt_category: "weather",
      })).status,
      200,
    );
  await update();
  assert.deepEqual(await nptOf(id), [["weather", 2, "recorded", 0]]);
  const history = (await server.db.execute(
    "SELECT max(id) AS id FROM record_history WHERE table_name = 'drilling_daily' AND record_id = ?",
    [String(id)],
  )).rows[0].id;
  const undone = await restCall(server.url, admin, "undo_record_change", {
    history_id: Number(history),
  });
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  assert.deepEqual(
    await nptOf(id),
    [["downhole", 6, "text", 0]],
    "undo brings back the text's NPT",
  );
  await update();
  const npt = async () =>
    (await restCall(server.url, admin, "analyze_npt", { well_id: "N1" })).body.result;
  assert.equal((await npt()).npt_h, 2);
  assert.equal(
    (await restCall(server.url, admin, "delete_drilling_record", { record_id: id })).status,
    200,
  );
  assert.equal((await npt()).report_days, 0, "a deleted report counts no more");
  assert.equal(
    (await restCall(server.url, admin, "restore_drilling_record", { record_id: id })).status,
    200,
  );
  assert.equal((await npt()).npt_h, 2);
  assert.equal(
    (await restCall(server.url, admin, "delete_drilling_record", { record_id: id })).status,
    200,
  );
  assert.equal(
    (await restCall(server.url, admin, "purge_drilling_record", {
      record_id: id,
      confirm: `PURGE ${id}`,
    })).status,
    200,
  );
  assert.deepEqual(await nptOf(id), []);
});

test("imports and saves (saveRecords) refresh the NPT of the rows they insert and update", async () => {
  const save = (records: Record<string, unknown>[]) =>
    saveRecords(server.db, DRILLING_DAILY_TARGET, records, {
      actor: "t",
      allOrNothing: true,
      outsideScope: async () => new Set<string>(),
    });
  await save([{ well_id: "N1", report_date: "2026-02-01", main_work: "等停待料4小时" }]);
  const id = Number(
    (await server.db.execute("SELECT id FROM drilling_daily WHERE report_date = '2026-02-01'"))
      .rows[0].id,
  );
  assert.deepEqual(await nptOf(id), [["waiting", 4, "text", 0]]);
  await save([{ well_id: "N1", report_date: "2026-02-01", main_work: "钻进，无复杂" }]);
  assert.deepEqual(await nptOf(id), [[null, 0, "text", 0]], "known: no NPT in the new text");
});

test("migration 007 fills daily_npt for the reports already stored", async () => {
  const t = await openTempDb({ migrated: false });
  const { db } = t;
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version < 7));
    for (
      const s of [
        ...insertStatements("wells", [{ well_id: "M1", name: "M1" }]),
        ...insertStatements("drilling_daily", [
          {
            well_id: "M1",
            report_date: "2026-01-01",
            npt_h: 5,
            npt_category: "设备",
            main_work: null,
          },
          { well_id: "M1", report_date: "2026-01-02", npt_h: null, main_work: "大风停工3小时" },
          { well_id: "M1", report_date: "2026-01-03", npt_h: null, main_work: null },
        ]),
      ]
    ) await db.execute(s.sql, s.args);
    assert.deepEqual(
      await migrate(db),
      MIGRATIONS.filter((m) => m.version >= 7).map((m) => m.version),
    );
    const rows = (await db.execute(
      "SELECT d.report_date, p.category, p.hours, p.source FROM daily_npt p JOIN drilling_daily d ON d.id = p.report_id ORDER BY 1",
    )).rows;
    assert.deepEqual(rows.map((r) => [r.report_date, r.category, r.hours, r.source]), [
      ["2026-01-01", "equipment", 5, "recorded"],
      ["2026-01-02", "weather", 3, "text"],
    ]);
  } finally {
    await t.close();
  }
});
