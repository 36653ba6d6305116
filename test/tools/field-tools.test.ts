import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { insertStatements } from "../../lib/seed/index.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { KEY_WELL_DAILY } from "../../lib/schema/key-well-daily.ts";
import { PRE_DRILLING } from "../../lib/schema/pre-drilling.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import type { Table } from "../../lib/schema/column.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// 10:00 in Shanghai on 2026-11-21, 02:00 UTC: 昨天 is 2026-11-20 there.
const NOW = new Date("2026-11-21T02:00:00Z");
let server: TestServer;

/** A row with every column of `table` filled with a distinct value of its type. */
function fullRow(
  table: Table,
  overrides: Record<string, string | number>,
): Record<string, string | number> {
  return Object.fromEntries(table.columns.map((c, i) => [
    c.name,
    overrides[c.name] ??
      (c.type === "date"
        ? `2026-0${1 + (i % 9)}-1${i % 10}`
        : c.type === "text"
        ? `${c.zh}值${i}`
        : c.type === "integer"
        ? i
        : i + 0.25),
  ]));
}
const WELL = fullRow(WELLS, { well_id: "测试1", name: "测试一号", is_key_well: 1 });
const DAILY = fullRow(DRILLING_DAILY, {
  well_id: "测试1",
  report_date: "2026-11-20",
  main_work: "钻进至2350m；处理卡钻6小时，泡油解卡",
});
const KEY = fullRow(KEY_WELL_DAILY, { well_id: "测试1", report_date: "2026-11-20" });
const PRE = fullRow(PRE_DRILLING, { well_id: "测试1" });

before(async () => {
  server = await startTestServer({}, { now: () => NOW });
  await server.db.batch([
    ...insertStatements("wells", [WELL]),
    ...insertStatements("drilling_daily", [DAILY]),
    ...insertStatements("key_well_daily", [KEY]),
    ...insertStatements("pre_drilling", [PRE]),
  ]);
});
after(() => server.close());
const call = (name: string, args: Record<string, unknown>) =>
  restCall(server.url, identity("USER"), name, args);

function assertRoundTrip(
  table: Table,
  sent: Record<string, unknown>,
  got: Record<string, unknown>,
  units: Record<string, string>,
) {
  for (const c of table.columns) {
    assert.equal(got[c.name], sent[c.name], `${table.name}.${c.name}`);
    assert.equal(units[c.name], c.unit ?? undefined, `${table.name}.${c.name} unit`);
  }
}

test("every field of the daily report, key-well daily and milestones round-trips with its unit (REST)", async () => {
  const daily = await call("query_drilling_data", {
    view: "report",
    well_id: "测试1",
    date: "2026-11-20",
  });
  assert.equal(daily.status, 200);
  assertRoundTrip(DRILLING_DAILY, DAILY, daily.body.result.reports[0], daily.body.result.units);
  assert.match(daily.body.text, /当日井深 measured depth at report time: [\d.]+ m/);
  assert.deepEqual(
    daily.body.result.reports[0].npt_from_text.map((
      n: { cause: string; hours: number },
    ) => [n.cause, n.hours]),
    [["stuck_pipe", 6]],
  );
  const key = await call("get_key_well_daily", { well_id: "测试1", date: "2026/11/20" });
  assertRoundTrip(KEY_WELL_DAILY, KEY, key.body.result.reports[0], key.body.result.units);
  const pre = await call("get_pre_drilling_milestones", { well_id: "测试1" });
  assertRoundTrip(PRE_DRILLING, PRE, pre.body.result.wells[0], {});
  assert.equal(pre.body.result.wells[0].reached, 16);
  const wells = await call("list_wells", { keywords: "测试1" });
  assert.equal(wells.body.result.wells[0].name, "测试一号");
});

test("the same round trip over MCP with the SDK client, structured content validated against the output schema", async () => {
  const client = await connectStreamable(`${server.url}/mcp`, identity("USER"));
  try {
    const res = await client.callTool({
      name: "get_key_well_daily",
      arguments: { well_id: "测试1", date: "20261120" },
    });
    const s = res.structuredContent as {
      reports: Record<string, unknown>[];
      units: Record<string, string>;
    };
    assertRoundTrip(KEY_WELL_DAILY, KEY, s.reports[0], s.units);
    const daily = await client.callTool({
      name: "query_drilling_data",
      arguments: { view: "report", well_id: "测试1", date: "昨天" },
    });
    assertRoundTrip(
      DRILLING_DAILY,
      DAILY,
      (daily.structuredContent as { reports: Record<string, unknown>[] }).reports[0],
      (daily.structuredContent as { units: Record<string, string> }).units,
    );
  } finally {
    await client.close();
  }
});

test("latest, 昨天 and 最近7天 resolve to the right dates for the fixed clock, and the answer states them", async () => {
  const latest = await call("query_drilling_data", { view: "report", well_id: "W001" });
  const max = (await server.db.execute(
    "SELECT max(report_date) AS d FROM drilling_daily WHERE well_id = 'W001'",
  )).rows[0].d;
  assert.deepEqual(latest.body.result.reports.map((r: { report_date: string }) => r.report_date), [
    max,
  ]);
  assert.match(latest.body.text, /最新 latest/);
  const yesterday = await call("query_drilling_data", {
    view: "report",
    well_ids: ["W011", "W012"],
    date: "昨天",
  });
  assert.deepEqual(yesterday.body.result.dates_used, ["昨天 yesterday = 2026-11-20"]);
  assert.ok(
    yesterday.body.result.reports.length === 2 &&
      yesterday.body.result.reports.every((r: { report_date: string }) =>
        r.report_date === "2026-11-20"
      ),
  );
  const week = await call("query_drilling_data", {
    well_id: "W012",
    date: "最近7天",
    limit: 100,
    include_total: true,
  });
  assert.match(week.body.result.dates_used, /2026-11-15 ~ 2026-11-21/);
  const expected = await server.db.execute(
    "SELECT count(*) AS n FROM drilling_daily WHERE well_id = 'W012' AND report_date BETWEEN '2026-11-15' AND '2026-11-21'",
  );
  assert.equal(week.body.result.total, expected.rows[0].n);
  assert.ok(week.body.result.total > 0);
  const spelled = await call("query_drilling_data", {
    well_id: "W012",
    date_from: "2026/11/15",
    date_to: "20261121",
    limit: 100,
    include_total: true,
  });
  assert.equal(spelled.body.result.total, week.body.result.total);
  const bad = await call("query_drilling_data", { date: "前年的某天" });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /无法识别日期 "前年的某天"/);
});

test("well-id variants find the well; an ambiguous prefix lists candidates and guesses nothing", async () => {
  const full = await call("query_drilling_data", { view: "report", well_id: "１０２井" });
  assert.equal(full.body.result.wells[0].well_id, "中102");
  assert.equal(full.body.result.reports[0].well_id, "中102");
  const spaced = await call("get_well_summary", { well_id: " 石南201 " });
  assert.equal(spaced.status, 200);
  assert.equal(spaced.body.result.well_id, "W001");
  const ambiguous = await call("query_drilling_data", { view: "report", well_id: "石南30" });
  assert.equal(ambiguous.body.result.reports.length, 0);
  assert.deepEqual(ambiguous.body.result.wells[0].candidates.slice(0, 3), [
    "石南301",
    "石南302",
    "石南303",
  ]);
  assert.match(ambiguous.body.text, /对应多口井 .*石南301, 石南302/);
  const filter = await call("query_drilling_data", { well_id: "石南30" });
  assert.equal(filter.status, 400);
  assert.match(filter.body.message, /石南301, 石南302/);
});

test("all wells on a master of more than 200 returns the block summary and how to narrow down", async () => {
  const all = await call("list_wells", { keywords: "所有油井" });
  assert.ok(all.body.result.total > 200);
  assert.equal(all.body.result.wells.length, 0);
  const blocks = all.body.result.summary;
  assert.equal(
    blocks.reduce((s: number, b: { wells: number }) => s + b.wells, 0),
    all.body.result.total,
  );
  assert.ok(
    blocks.find((b: { block: string; by_type: Record<string, number> }) =>
      b.block === "石南" && b.by_type["直井"] > 0
    ),
  );
  assert.match(all.body.text, /缩小范围/);
  const narrowed = await call("list_wells", { block: "乐土驿" });
  assert.ok(narrowed.body.result.wells.length > 0 && narrowed.body.result.summary === null);
});

test("a report of a well missing from the master is returned and flagged, by every reading tool", async () => {
  const report = await call("query_drilling_data", { view: "report", well_id: "玛页1" });
  assert.equal(report.body.result.reports[0].well_id, "玛页1");
  assert.equal(report.body.result.reports[0].well_in_master, false);
  assert.equal(report.body.result.wells[0].in_master, false);
  assert.match(report.body.text, /不在油井基础信息中/);
  const query = await call("query_drilling_data", { well_id: "玛页", limit: 1 });
  assert.equal(query.body.result.records[0].well_in_master, false);
  const summary = await call("get_well_summary", { well_id: "玛页1" });
  assert.equal(summary.body.result.well_in_master, false);
  const search = await call("list_wells", { keywords: "玛页" });
  assert.deepEqual(search.body.result.not_in_master, ["玛页1"]);
  const stats = await call("get_statistics", { group_by: "block" });
  const orphan = stats.body.result.groups.find((g: { group: string }) =>
    g.group.includes("not in master")
  );
  assert.ok(orphan.reports > 0 && orphan.wells_in_master === 0);
});

test("get_statistics sums agree with SQL, by block and by year", async () => {
  const byBlock = await call("get_statistics", { group_by: "block", date: "2026-07" });
  assert.match(byBlock.body.result.dates_used, /2026-07-01 ~ 2026-07-31/);
  const sn = byBlock.body.result.groups.find((g: { group: string }) => g.group === "石南");
  const sql = (await server.db.execute(
    `SELECT count(*) AS n, round(sum(footage_m), 1) AS f FROM drilling_daily d JOIN wells w ON w.well_id = d.well_id
     WHERE w.block = '石南' AND d.report_date BETWEEN '2026-07-01' AND '2026-07-31'`,
  )).rows[0];
  assert.equal(sn.reports, sql.n);
  assert.equal(sn.footage_m, sql.f);
  const byYear = await call("get_statistics", { group_by: "year" });
  const total = (await server.db.execute("SELECT count(*) AS n FROM drilling_daily")).rows[0].n;
  assert.equal(
    byYear.body.result.groups.reduce((s: number, g: { reports: number }) => s + g.reports, 0),
    total,
  );
});
