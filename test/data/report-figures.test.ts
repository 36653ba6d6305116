import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { volveXmlText } from "../helpers/realdata.ts";

// The three Volve drillReport XML files (../shared/realdata/volve_ddr_xml, see its README): the
// depth (statusInfo/md), footage (statusInfo/distDrill) and bit-run ROP (bitRun/ropAv) the reports
// give are stored with their source, and the drilling curve and period report say it.
let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const admin = identity("ADMIN");
const XML = ["15_9_F_1_2007_12_02.xml", "15_9_F_1_2007_12_03.xml", "15_9_F_14_2009_03_07.xml"];
const MD = "日报井深 statusInfo/md";
const DIST = "日报进尺 statusInfo/distDrill";
const ROP = "钻头行程平均钻速 bit-run average bitRun/ropAv";

test("imported report figures keep their source: the curve and the period report say how depth, footage and ROP were obtained", async () => {
  const xml_text = await Promise.all(XML.map(volveXmlText));
  const r = await restCall(server.url, admin, "import_data", {
    xml_text,
    file_names: XML,
    dry_run: false,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // F-1: 12-02 md 226 m and distDrill 82 m; 12-03 md 226, distDrill 0, bit 144–226 m at 8.3 m/h; F-14 md 3750, no distDrill.
  const stored = (await server.db.execute(
    "SELECT well_id, report_date, field, value, kind FROM report_figures ORDER BY 1, 2, 3",
  )).rows.map((x) => Object.values(x));
  assert.deepEqual(stored, [
    ["15/9-F-1", "2007-12-02", "depth_m", 226, MD],
    ["15/9-F-1", "2007-12-02", "footage_m", 82, DIST],
    ["15/9-F-1", "2007-12-03", "depth_m", 226, MD],
    ["15/9-F-1", "2007-12-03", "footage_m", 0, DIST],
    ["15/9-F-1", "2007-12-03", "rop_m_h", 8.3, ROP],
    ["15/9-F-14", "2009-03-07", "depth_m", 3750, MD],
  ]);

  const curve = await restCall(server.url, admin, "get_drilling_curve", { well_id: "15/9-F-1" });
  assert.equal(curve.status, 200, JSON.stringify(curve.body));
  assert.deepEqual(curve.body.result.wells[0].depth_sources, [{ how: MD, days: 2 }]);
  assert.match(
    curve.body.text,
    /how the figures were obtained: 井深 depth: 日报井深 statusInfo\/md 2 天 days/,
  );

  const period = await restCall(server.url, admin, "get_period_report", {
    well_id: "15/9-F-1",
    period: "2007-12-01~2007-12-31",
  });
  assert.equal(period.status, 200, JSON.stringify(period.body));
  const by = (list: { field: string; how: string; days: number }[]) =>
    Object.fromEntries(list.map((x) => [`${x.field} ${x.how}`, x.days]));
  assert.deepEqual(by(period.body.result.figure_sources), {
    [`depth_m ${MD}`]: 2,
    [`footage_m ${DIST}`]: 2,
    [`rop_m_h ${ROP}`]: 1,
  });
  assert.match(
    period.body.text,
    /井深 depth: 日报井深 statusInfo\/md 2 天 days; 进尺 footage: 日报进尺 statusInfo\/distDrill 2 天 days; 钻速 ROP: 钻头行程平均钻速 bit-run average bitRun\/ropAv 1 天 days/,
  );

  // Re-importing changes nothing; a figure edited by hand since is no longer the report's.
  const again = await restCall(server.url, admin, "import_data", {
    xml_text,
    file_names: XML,
    dry_run: false,
  });
  assert.equal(again.body.result.unchanged, 3);
  assert.deepEqual(
    (await server.db.execute(
      "SELECT well_id, report_date, field, value, kind FROM report_figures ORDER BY 1, 2, 3",
    )).rows.map((x) => Object.values(x)),
    stored,
  );
  const id = Number(
    (await server.db.execute(
      "SELECT id FROM drilling_daily WHERE well_id = '15/9-F-1' AND report_date = '2007-12-02'",
    )).rows[0].id,
  );
  const edit = await restCall(server.url, admin, "update_drilling_record", {
    record_id: id,
    footage_m: 80,
  });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  const after = await restCall(server.url, admin, "get_period_report", {
    well_id: "15/9-F-1",
    period: "2007-12-01~2007-12-31",
  });
  assert.deepEqual(by(after.body.result.figure_sources), {
    [`depth_m ${MD}`]: 2,
    [`footage_m ${DIST}`]: 1,
    "footage_m 日报填写 as entered": 1,
    [`rop_m_h ${ROP}`]: 1,
  });
});
