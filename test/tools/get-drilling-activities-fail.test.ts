import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { realData, volveXmlText } from "../helpers/realdata.ts";

// A failed activity line (NPD state `fail`) is lost time whatever its code. The Volve files
// (../shared/realdata, see its README) have none, so one real line's state is changed here.
let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const admin = identity("ADMIN");

test("a real drillReport with one line's state changed to fail: that line's hours are NPT in analyze_npt and get_drilling_activities", async () => {
  const xml = await volveXmlText("15_9_F_1_2007_12_03.xml");
  const activities = [...xml.matchAll(/<witsml:activity>[\s\S]*?<\/witsml:activity>/g)].map((m) =>
    m[0]
  );
  assert.equal(activities.length, 24);
  // The fifth line: drilling -- drill, 02:00–04:15.
  const line = activities[4];
  assert.match(line, /<witsml:proprietaryCode>drilling -- drill</);
  const start = Date.parse(/<witsml:dTimStart>([^<]+)</.exec(line)![1]);
  const end = Date.parse(/<witsml:dTimEnd>([^<]+)</.exec(line)![1]);
  const hours = (end - start) / 3_600_000;
  assert.equal(hours, 2.25);
  const failed = xml.replace(
    line,
    line.replace("<witsml:state>ok</witsml:state>", "<witsml:state>fail</witsml:state>"),
  );
  assert.notEqual(failed, xml);

  const before = await restCall(server.url, admin, "import_data", {
    xml_text: xml,
    file_name: "15_9_F_1_2007_12_03.xml",
    dry_run: false,
  });
  assert.equal(before.status, 200, JSON.stringify(before.body));
  const ok = await restCall(server.url, admin, "analyze_npt", { well_id: "15/9-F-1" });
  assert.equal(ok.body.result.npt_h, 0, "the real report has no interruption and no failed line");

  const r = await restCall(server.url, admin, "import_data", {
    xml_text: failed,
    file_name: "15_9_F_1_2007_12_03.xml",
    dry_run: false,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([r.body.result.unchanged, r.body.result.report.activities.updated], [1, 1]);
  const npt = await restCall(server.url, admin, "analyze_npt", { well_id: "15/9-F-1" });
  assert.equal(npt.body.result.npt_h, hours);
  assert.deepEqual(npt.body.result.npt_sources, { activities: 1, recorded: 0, text: 0 });
  // Its sub-activity `drill` is not an interruption cause: filed under other.
  assert.equal(
    npt.body.result.categories.find((c: { category: string }) => c.category === "other").npt_h,
    hours,
  );

  const day = await restCall(server.url, admin, "get_drilling_activities", {
    well_id: "15/9-F-1",
    date: "2007-12-03",
  });
  assert.deepEqual(
    day.body.result.npt.map((e: { category: string; hours: number }) => [e.category, e.hours]),
    [["other", hours]],
  );
  const only = await restCall(server.url, admin, "get_drilling_activities", {
    well_id: "15/9-F-1",
    date: "2007-12-03",
    npt_only: true,
  });
  assert.deepEqual(
    only.body.result.activities.map((
      a: { start_time: string; state: string },
    ) => [a.start_time, a.state]),
    [["2007-12-02T02:00", "fail"]],
  );
});

test("a real campaign day with one line's state changed to fail: NPT is its interruptions plus that line", async () => {
  const all =
    (await readFile(realData("volve_ddr_campaigns", "15_9_F_4_campaign_events_raw.jsonl"), "utf8"))
      .split("\n");
  const lines = all.filter((l) => l.includes('"period_end": "2008-02-15 00:00"')).map((l) =>
    JSON.parse(l)
  );
  assert.ok(lines.length > 3);
  const hoursOf = (o: { start_time: string; end_time: string }) => {
    const [sh, sm] = o.start_time.split(":").map(Number);
    const [eh, em] = o.end_time.split(":").map(Number);
    return ((eh * 60 + em - sh * 60 - sm + 1440) % 1440 || 1440) / 60;
  };
  const interruptions = lines.filter((o) => o.activity_raw.startsWith("interruption")).reduce(
    (s, o) => s + hoursOf(o),
    0,
  );
  const target = lines.findIndex((o) =>
    !o.activity_raw.startsWith("interruption") && o.state === "ok"
  );
  assert.ok(target >= 0);
  const changed = lines.map((o, i) => (i === target ? { ...o, state: "fail" } : o));
  const r = await restCall(server.url, admin, "import_data", {
    jsonl_text: changed.map((o) => JSON.stringify(o)).join("\n"),
    file_name: "f4-fail.jsonl",
    dry_run: false,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.result.inserted, 1);
  const want = interruptions + hoursOf(lines[target]);
  assert.ok(want > interruptions);
  const npt = await restCall(server.url, admin, "analyze_npt", { well_id: "15/9-F-4" });
  assert.equal(npt.body.result.npt_h, Math.round(want * 10) / 10);
  const day = await restCall(server.url, admin, "get_drilling_activities", {
    well_id: "15/9-F-4",
    npt_only: true,
  });
  assert.equal(
    day.body.result.total,
    lines.filter((o) => o.activity_raw.startsWith("interruption")).length + 1,
  );
  assert.equal(
    day.body.result.npt.reduce((s: number, e: { hours: number }) => s + e.hours, 0),
    want,
  );
});
