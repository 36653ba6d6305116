import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { countRows } from "../helpers/count-rows.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { realData, volveXmlText } from "../helpers/realdata.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0", SCOPED_ROLES: "USER" })));
after(() => server.close());

const admin = identity("ADMIN");
const n = async (sql: string) => Number((await server.db.execute(sql)).rows[0].n);
const counts = async () => [
  await countRows(server.db, "wells"),
  await countRows(server.db, "drilling_daily"),
  await countRows(server.db, "drilling_activities"),
  await countRows(server.db, "record_history"),
];
const XML = ["15_9_F_1_2007_12_02.xml", "15_9_F_1_2007_12_03.xml", "15_9_F_14_2009_03_07.xml"];

test("import_data takes the Volve drillReport XML over HTTP: dry run, import, re-import changes nothing; the answer says how each figure was obtained", async () => {
  const xml_text = await Promise.all(XML.map(volveXmlText));
  const dry = await restCall(server.url, admin, "import_data", { xml_text, file_names: XML });
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.deepEqual([
    dry.body.result.dry_run,
    dry.body.result.inserted,
    dry.body.result.report.activities.inserted,
  ], [true, 3, 42]);
  assert.deepEqual(await counts(), [0, 0, 0, 0]);

  const real = (await restCall(server.url, admin, "import_data", {
    xml_text,
    file_names: XML,
    dry_run: false,
  })).body;
  assert.deepEqual(
    [real.result.file, real.result.inserted, real.result.report.activities.inserted],
    ["3 files", 3, 42],
  );
  assert.deepEqual(real.result.report.wells_created, ["15/9-F-1", "15/9-F-14"]);
  const day = real.result.report.reports.find((r: { report_date: string }) =>
    r.report_date === "2007-12-03"
  );
  const how = Object.fromEntries(
    day.figures.map((
      f: { field: string; value: unknown; how: string },
    ) => [f.field, [f.value, f.how]]),
  );
  assert.deepEqual(how.depth_m, [226, "statusInfo/md (m)"]);
  assert.deepEqual(how.footage_m, [0, "statusInfo/distDrill (m)"]);
  assert.equal(how.rop_m_h[0], 8.3);
  assert.match(how.rop_m_h[1], /bit-run average 144–226 m, 9\.9 h/);
  assert.match(
    real.text,
    /15\/9-F-1 2007-12-03 \(insert, 24 activities\): depth_m = 226 ← statusInfo\/md \(m\); footage_m = 0/,
  );
  const stored = await counts();
  const again = (await restCall(server.url, admin, "import_data", {
    xml_text: xml_text[1],
    file_name: XML[1],
    dry_run: false,
  })).body.result;
  assert.deepEqual([
    again.inserted,
    again.updated,
    again.unchanged,
    again.report.activities.unchanged,
  ], [0, 0, 1, 24]);
  assert.deepEqual(await counts(), stored);
});

test("get_drilling_activities reads a day's lines (typed well names resolved), NPT and hours; audited", async () => {
  const r = await restCall(server.url, admin, "get_drilling_activities", {
    well_id: "15/9-F-1",
    date: "2007-12-03",
    limit: 5,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([
    r.body.result.total,
    r.body.result.hours,
    r.body.result.activities.length,
    r.body.result.next_offset,
  ], [24, 24, 5, 5]);
  assert.deepEqual(r.body.result.npt, []);
  assert.equal(r.body.result.activities[0].utc_offset, "+01:00");
  const latest =
    (await restCall(server.url, admin, "get_drilling_activities", { well_id: "15/9-f-14" })).body
      .result;
  // F-14's report: rig up/down 4 lines 18:30–22:15 (3.75 h) then `workover -- wait` 1.75 h: no interruption, no NPT.
  assert.deepEqual([latest.total, latest.hours, latest.npt.length], [5, 5.5, 0]);
  const audit = await n(
    "SELECT count(*) AS n FROM audit_log WHERE tool = 'get_drilling_activities' AND outcome = 'ok'",
  );
  assert.equal(audit, 2);
});

test("a campaign's JSONL over HTTP: NPT analyses use the activity lines and say so", async () => {
  // The first days of F-4 (whole campaigns over HTTP: test/tools/volve-campaigns.test.ts).
  const lines =
    (await readFile(realData("volve_ddr_campaigns", "15_9_F_4_campaign_events_raw.jsonl"), "utf8"))
      .split("\n");
  const days = lines.filter((l) => /"report_date": "2008-02-(1[3-7])"/.test(l));
  const jsonl_text = days.join("\n");
  const r = await restCall(server.url, admin, "import_data", {
    jsonl_text,
    file_name: "f4-feb.jsonl",
    dry_run: false,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // Hand count of those lines (report days 2008-02-14 … 2008-02-18 by their period's end): interruption hours by sub-activity.
  let want = 0;
  for (const l of days) {
    const o = JSON.parse(l);
    if (!o.activity_raw.startsWith("interruption")) continue;
    const [sh, sm] = o.start_time.split(":").map(Number);
    const [eh, em] = o.end_time.split(":").map(Number);
    want += ((eh * 60 + em - sh * 60 - sm + 1440) % 1440 || 1440) / 60;
  }
  const npt = await restCall(server.url, identity("ADMIN"), "analyze_npt", { well_id: "15/9-F-4" });
  assert.equal(npt.status, 200);
  assert.equal(npt.body.result.npt_h, Math.round(want * 10) / 10);
  assert.deepEqual(npt.body.result.npt_sources, { activities: 5, recorded: 0, text: 0 });
  assert.match(npt.body.text, /NPT from: activity lines \(timed, NPD activity codes\) 5 days/);
  const cmp = await restCall(server.url, admin, "compare_wells", {
    well_ids: ["15/9-F-4", "15/9-F-1"],
  });
  assert.match(cmp.body.text, /NPT from: activity lines \(timed, NPD activity codes\) 7 days/);
  const period = await restCall(server.url, admin, "get_period_report", {
    well_id: "15/9-F-4",
    period: "2008-02-01至2008-02-29",
  });
  assert.deepEqual(period.body.result.npt_sources, { activities: 5, recorded: 0, text: 0 });
  assert.match(period.body.text, /NPT from: activity lines/);
});

test("hostile XML over HTTP is refused naming the file and element; nothing is written", async () => {
  const before = await counts();
  const good = await volveXmlText(XML[0]);
  const bad: [string, RegExp][] = [
    [
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>`,
      /"bomb\.xml", \(document\).*DOCTYPE/,
    ],
    [good.slice(0, 4000), /"bomb\.xml", <witsml:\w+> \(line \d+\):.*truncated/],
    [
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>`,
      /"bomb\.xml", <feed> \(line 1\): the root element is not a WITSML drillReports/,
    ],
  ];
  for (const [text, re] of bad) {
    const r = await restCall(server.url, admin, "import_data", {
      xml_text: [good, text],
      file_names: ["good.xml", "bomb.xml"],
      dry_run: false,
    });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.message, re);
  }
  assert.deepEqual(await counts(), before);
});

test("activities are scoped like the rest and exported as CSV by ADMIN only", async () => {
  const user = identity("USER");
  const hidden = await restCall(server.url, user, "get_drilling_activities", {
    well_id: "15/9-F-1",
  });
  assert.equal(hidden.status, 403, JSON.stringify(hidden.body));
  assert.equal(hidden.body.message, "无权访问井号 15/9-F-1 的数据 / no access to well 15/9-F-1");
  await restCall(server.url, admin, "grant_access", { user_id: "id-user", wells: ["15/9-F-1"] });
  const shown = await restCall(server.url, user, "get_drilling_activities", {
    well_id: "15/9-F-1",
    date: "2007-12-02",
  });
  assert.equal(shown.body.result.total, 13);

  const res = await fetch(`${server.url}/export/drilling_activities.csv`, { headers: admin });
  assert.equal(res.status, 200);
  const csv = (await res.text()).trim().split("\r\n");
  assert.ok(
    csv[0].startsWith("id,well_id,report_date,start_time,end_time,utc_offset,hours"),
    csv[0],
  );
  assert.equal(
    csv.length - 1,
    await n("SELECT count(*) AS n FROM drilling_activities WHERE deleted_at IS NULL"),
  );
  const refused = await fetch(`${server.url}/export/drilling_activities.csv`, { headers: user });
  assert.equal(refused.status, 403);
  const inline = await restCall(server.url, admin, "export_all_data", {
    table: "drilling_activities",
  });
  assert.equal(inline.body.result.total_rows, csv.length - 1);
});
