import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { saveStatuses } from "../helpers/save-statuses.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const save = (role: string, args: unknown) =>
  restCall(server.url, identity(role), "save_drilling_daily", args);
const rows = async () =>
  (await server.db.execute(
    "SELECT well_id, report_date, depth_m, mud_density_g_cm3 FROM drilling_daily WHERE deleted_at IS NULL ORDER BY well_id, report_date",
  )).rows;

test("one record is inserted, then saving it again is unchanged, then a change is an update with before and after", async () => {
  await server.db.execute("INSERT INTO wells (well_id, block) VALUES ('乐探1', '乐探')");
  const first = await save("ENGINEER", {
    records: [{
      well_id: "乐探1",
      report_date: "2021-03-05",
      depth_m: 1200,
      mud_density_g_cm3: 1.2,
    }],
  });
  assert.equal(first.status, 200);
  const r = first.body.result;
  assert.deepEqual([r.committed, r.inserted, r.results[0].status, r.results[0].well_in_master], [
    true,
    1,
    "inserted",
    true,
  ]);
  const id = r.results[0].record_id;
  assert.equal(typeof id, "number");

  const again = (await save("ENGINEER", {
    records: [{ well_id: "乐探1", report_date: "2021-03-05", depth_m: 1200 }],
  })).body.result;
  assert.deepEqual([again.unchanged, again.results[0].status, again.results[0].record_id], [
    1,
    "unchanged",
    id,
  ]);

  const changed = (await save("ENGINEER", {
    records: [{ well_id: "乐探1", report_date: "2021-03-05", depth_m: 1250 }],
  })).body;
  assert.deepEqual(changed.result.results[0].changes, { depth_m: { before: 1200, after: 1250 } });
  assert.match(
    changed.text,
    /#1 乐探1 2021-03-05: 已更新 updated \(记录号 record \d+\): depth_m 1200 → 1250/,
  );
  const h = await server.db.execute(
    "SELECT action, before_json FROM record_history WHERE table_name = 'drilling_daily' AND record_id = ? ORDER BY id",
    [String(id)],
  );
  assert.deepEqual(h.rows.map((x) => x.action), ["insert", "update"]);
  assert.equal(JSON.parse(String(h.rows[1].before_json)).depth_m, 1200);
  assert.deepEqual(await rows(), [{
    well_id: "乐探1",
    report_date: "2021-03-05",
    depth_m: 1250,
    mud_density_g_cm3: 1.2,
  }]);
});

test("a batch with one bad record saves the others and says exactly which", async () => {
  const { body } = await save("ENGINEER", {
    records: [
      { well_id: "批1", report_date: "2021-05-01", depth_m: 100 },
      { well_id: "批1", report_date: "2021-05-02", depth_m: 200, mud_density_g_cm3: 3.1 },
      { well_id: "批1", report_date: "2021-05-03", depth_m: 300 },
      { well_id: "批1", report_date: "2021-02-30", depth_m: 400 },
      { well_id: "批1", report_date: "2021-05-01", depth_m: 150 },
    ],
  });
  const r = body.result;
  assert.deepEqual(saveStatuses(r), ["inserted", "rejected", "inserted", "rejected", "rejected"]);
  assert.deepEqual([r.committed, r.inserted, r.rejected], [true, 2, 3]);
  assert.equal(r.results[1].problems[0].column, "mud_density_g_cm3");
  assert.match(
    r.results[1].problems[0].reason,
    /超出合理范围 0\.8–2\.6 g\/cm³ .* outside the plausible range/,
  );
  assert.match(r.results[3].problems[0].reason, /不是有效日期 "2021-02-30"/);
  assert.match(r.results[4].problems[0].reason, /same key "批1 2021-05-01" as record \(row\) 1/);
  assert.equal(
    r.results[0].well_in_master,
    false,
    "a daily row whose well is not in the master is saved and flagged",
  );
  assert.match(body.text, /井号不在油井基础信息中 well not in the well master/);
  const stored = (await rows()).filter((x) => x.well_id === "批1");
  assert.deepEqual(stored.map((x) => [x.report_date, x.depth_m]), [["2021-05-01", 100], [
    "2021-05-03",
    300,
  ]]);
});

test("with all_or_nothing one bad record means none is saved, and the answer says so", async () => {
  const before = await rows();
  const history = (await server.db.execute("SELECT count(*) AS n FROM record_history")).rows[0].n;
  const { body } = await save("ENGINEER", {
    all_or_nothing: true,
    records: [
      { well_id: "全无1", report_date: "2021-06-01", depth_m: 100 },
      { well_id: "全无1", report_date: "2021-06-02", depth_m: -1 },
      { well_id: "乐探1", report_date: "2021-03-05", depth_m: 1300 },
    ],
  });
  const r = body.result;
  assert.deepEqual([r.committed, r.inserted, r.updated, r.rejected, r.not_saved], [
    false,
    0,
    0,
    1,
    2,
  ]);
  assert.deepEqual(saveStatuses(r), ["not_saved", "rejected", "not_saved"]);
  assert.match(body.text, /^未保存任何记录 \/ nothing was saved/);
  assert.deepEqual(await rows(), before);
  assert.equal(
    (await server.db.execute("SELECT count(*) AS n FROM record_history")).rows[0].n,
    history,
  );
});

test("all_or_nothing also holds for a refusal found inside the transaction (a deleted well)", async () => {
  await server.db.execute(
    "INSERT INTO wells (well_id, deleted_at) VALUES ('已删井', '2024-01-01T00:00:00Z')",
  );
  const before = (await server.db.execute("SELECT count(*) AS n FROM wells")).rows[0].n;
  const { body } = await restCall(server.url, identity("ADMIN"), "save_well", {
    all_or_nothing: true,
    records: [{ well_id: "新井1", block: "石南" }, { well_id: "已删井", block: "石南" }],
  });
  assert.deepEqual(saveStatuses(body.result), ["not_saved", "rejected"]);
  assert.equal((await server.db.execute("SELECT count(*) AS n FROM wells")).rows[0].n, before);
  const saved = (await restCall(server.url, identity("ADMIN"), "save_well", {
    records: [{ well_id: "新井1", block: "石南" }],
  })).body.result;
  assert.deepEqual([saved.inserted, saved.results[0].record_id, saved.results[0].well_in_master], [
    1,
    "新井1",
    null,
  ]);
});

test("USER may not save; a type error fails the whole call before any write; record xor records", async () => {
  const denied = await save("USER", { records: [{ well_id: "乐探1", report_date: "2021-03-09" }] });
  assert.equal(denied.status, 403);
  assert.match(denied.body.message, /权限不足：用户角色 USER 无权访问工具 save_drilling_daily/);
  const typed = await save("ENGINEER", {
    records: [{ well_id: "乐探1", report_date: "2021-03-09", depth_m: "1,200" }],
  });
  assert.equal(typed.status, 400);
  assert.match(typed.body.message, /"records\.0\.depth_m"/);
  const none = await save("ENGINEER", {});
  assert.equal(none.status, 400);
  assert.match(none.body.message, /"records"/);
  const single = await save("ENGINEER", {
    record: { well_id: "乐探1", report_date: "2021-03-09" },
  });
  assert.equal(single.status, 400, "one way to save: records, even for one record");
  assert.match(single.body.message, /"record"/);
  const tooMany = await save("ENGINEER", {
    records: Array.from(
      { length: 501 },
      (_, i) => ({ well_id: "X", report_date: `2021-01-01`, depth_m: i }),
    ),
  });
  assert.equal(tooMany.status, 400);
  assert.deepEqual(
    (await rows()).filter((x) => x.well_id === "X" || x.report_date === "2021-03-09"),
    [],
  );
});
