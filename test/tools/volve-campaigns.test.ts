import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Db } from "../../lib/db/db.ts";
import { countRows } from "../helpers/count-rows.ts";
import { runImport } from "../helpers/import-cli.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";
import { realData } from "../helpers/realdata.ts";

// Whole Volve campaigns (../shared/realdata/volve_ddr_campaigns, MIT, see its README) through import_data
// over real HTTP and through the CLI, then the well-level tools that add up NPT.
let server: TestServer;
let cliDb: TempDb;
before(async () => {
  server = await startTestServer({ SEED_DEMO_DATA: "0" });
  cliDb = await openTempDb();
});
after(async () => {
  await server.close();
  await cliDb.close();
});

const admin = identity("ADMIN");
// Hand-worked from the files (test/import/import-reports.test.ts has them by category): the
// `interruption -- …` hours of each campaign, its report days, and the year it was drilled.
const CAMPAIGNS = [
  {
    file: "15_9_F_12_campaign_events_raw.jsonl",
    well: "15/9-F-12",
    days: 96,
    lines: 1059,
    npt: 280,
    year: "2007",
  },
  {
    file: "15_9_F_4_campaign_events_raw.jsonl",
    well: "15/9-F-4",
    days: 69,
    lines: 886,
    npt: 537.25,
    year: "2008",
  },
  {
    file: "15_9_F_10_campaign_events_raw.jsonl",
    well: "15/9-F-10",
    days: 71,
    lines: 1075,
    npt: 132,
    year: "2009",
  },
];

async function snapshot(db: Db) {
  const q = async (sql: string) =>
    (await db.execute(sql)).rows.map((r) => JSON.stringify(Object.values(r)));
  return {
    daily: await q(
      "SELECT well_id, report_date, depth_m, footage_m, rop_m_h FROM drilling_daily WHERE deleted_at IS NULL ORDER BY well_id, report_date",
    ),
    activities: await q(
      `SELECT well_id, report_date, start_time, end_time, hours, depth_m, activity_code, state, comment
      FROM drilling_activities WHERE deleted_at IS NULL ORDER BY well_id, report_date, start_time`,
    ),
    npt: await q(
      `SELECT d.well_id, d.report_date, p.ord, p.category, p.hours, p.source FROM daily_npt p JOIN drilling_daily d ON d.id = p.report_id
      ORDER BY d.well_id, d.report_date, p.ord`,
    ),
    figures: await q(
      "SELECT well_id, report_date, field, value, kind FROM report_figures ORDER BY 1, 2, 3",
    ),
  };
}

test("a whole campaign (≈475 KB) imports through import_data over HTTP with the CLI's figures; again changes nothing", async () => {
  for (const c of CAMPAIGNS) {
    const jsonl_text = await readFile(realData("volve_ddr_campaigns", c.file), "utf8");
    assert.ok(
      jsonl_text.length > 64 * 1024,
      "larger than the 64 KiB argument limit of other tools",
    );
    const r = await restCall(server.url, admin, "import_data", {
      jsonl_text,
      file_name: c.file,
      dry_run: false,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 500));
    assert.deepEqual(
      [r.body.result.rows_read, r.body.result.inserted, r.body.result.report.activities.inserted],
      [c.days, c.days, c.lines],
      c.well,
    );
  }
  const { code, out, err } = await runImport(cliDb.url, [realData("volve_ddr_campaigns")]);
  assert.equal(code, 0, out + err);
  const http = await snapshot(server.db);
  assert.equal(http.daily.length, 236);
  assert.equal(http.activities.length, 3020);
  // Each day's depth, and its footage after the first day of the file, with their source.
  assert.equal(http.figures.length, 236 * 2 - 3);
  assert.deepEqual(
    http,
    await snapshot(cliDb.db),
    "the same reports, activity lines and NPT as the CLI",
  );

  const tables = ["wells", "drilling_daily", "drilling_activities", "record_history", "daily_npt"];
  const before = await Promise.all(tables.map((x) => countRows(server.db, x)));
  const again = await restCall(server.url, admin, "import_data", {
    jsonl_text: await readFile(realData("volve_ddr_campaigns", CAMPAIGNS[1].file), "utf8"),
    file_name: CAMPAIGNS[1].file,
    dry_run: false,
  });
  assert.deepEqual([
    again.body.result.inserted,
    again.body.result.updated,
    again.body.result.unchanged,
  ], [0, 0, CAMPAIGNS[1].days]);
  assert.deepEqual([
    again.body.result.report.activities.unchanged,
    again.body.result.report.activities.removed,
  ], [CAMPAIGNS[1].lines, 0]);
  assert.deepEqual(
    await Promise.all(tables.map((x) => countRows(server.db, x))),
    before,
    "re-importing changes nothing",
  );
  assert.deepEqual(await snapshot(server.db), http);
});

test("get_well_summary takes NPT from the activity lines (as analyze_npt) and says so", async () => {
  for (const c of CAMPAIGNS) {
    const r = await restCall(server.url, identity("USER"), "get_well_summary", { well_id: c.well });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const s = r.body.result;
    assert.equal(s.report_count, c.days, c.well);
    assert.equal(s.npt_hours_h, c.npt, c.well);
    assert.equal(s.npt_share_pct, Math.round((c.npt / (c.days * 24)) * 1000) / 10, c.well);
    assert.deepEqual(s.npt_sources, { activities: c.days, recorded: 0, text: 0 }, c.well);
    assert.match(r.body.text, new RegExp(`NPT ${c.npt} h`), c.well);
    assert.match(
      r.body.text,
      new RegExp(`NPT from: activity lines \\(timed, NPD activity codes\\) ${c.days} days`),
      c.well,
    );
    const npt = await restCall(server.url, admin, "analyze_npt", { well_id: c.well });
    assert.equal(
      Math.round(npt.body.result.npt_h * 100) / 100,
      c.npt,
      `${c.well}: the same figure as analyze_npt`,
    );
  }
});

test("get_statistics adds up each report's NPT from the activity lines, by year, and says so", async () => {
  const r = await restCall(server.url, identity("USER"), "get_statistics", { group_by: "year" });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const byYear = Object.fromEntries(
    r.body.result.groups.map((
      g: { group: string; npt_h: number; reports: number },
    ) => [g.group, [g.reports, g.npt_h]]),
  );
  assert.deepEqual(byYear, Object.fromEntries(CAMPAIGNS.map((c) => [c.year, [c.days, c.npt]])));
  assert.deepEqual(r.body.result.npt_sources, { activities: 236, recorded: 0, text: 0 });
  assert.match(r.body.text, /NPT from: activity lines \(timed, NPD activity codes\) 236 days/);
  const one = await restCall(server.url, identity("USER"), "get_statistics", {
    group_by: "year",
    date_from: "2008-01-01",
    date_to: "2008-12-31",
  });
  assert.deepEqual(
    one.body.result.groups.map((g: { group: string; npt_h: number }) => [g.group, g.npt_h]),
    [["2008", 537.25]],
  );
  assert.deepEqual(one.body.result.npt_sources, { activities: 69, recorded: 0, text: 0 });
});

test("get_drilling_curve says the campaign depths are the deepest activity end depths", async () => {
  const r = await restCall(server.url, identity("USER"), "get_drilling_curve", {
    well_id: "15/9-F-4",
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body.result.wells[0].depth_sources, [{
    how: "作业行最深结束井深 deepest activity end depth",
    days: 69,
  }]);
  assert.match(
    r.body.text,
    /how the figures were obtained: 井深 depth: 作业行最深结束井深 deepest activity end depth 69 天 days/,
  );
});
