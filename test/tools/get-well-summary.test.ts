import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => {
  server = await startFixtureServer([{
    well_id: "T1",
    name: "测试1",
    block: "石南",
    spud_date: "2026-03-01",
    design_depth_m: 1000,
    status: "drilling",
  }, { well_id: "T2", name: "空井" }], [
    {
      well_id: "T1",
      report_date: "2026-03-01",
      depth_m: 100,
      footage_m: 100,
      drilling_hours_h: 10,
      npt_h: 0,
      formation: "A",
    },
    {
      well_id: "T1",
      report_date: "2026-03-02",
      depth_m: 250,
      footage_m: 150,
      drilling_hours_h: 15,
      npt_h: 6,
      formation: "A",
    },
    {
      well_id: "T1",
      report_date: "2026-03-04",
      depth_m: 400,
      footage_m: 150,
      drilling_hours_h: 25 - 20,
      npt_h: 12,
      formation: "B",
      mud_density_g_cm3: 1.25,
    },
  ]);
});
after(() => server.close());

test("summary figures equal the arithmetic on the fixture", async () => {
  const { status, body } = await restCall(server.url, identity("USER"), "get_well_summary", {
    well_id: "T1",
  });
  assert.equal(status, 200);
  const s = body.result;
  assert.equal(s.current_depth_m, 400);
  assert.equal(s.progress_pct, 40); // 400 / 1000
  assert.equal(s.days_since_spud, 4); // 03-01 … 03-04 inclusive
  assert.equal(s.report_count, 3);
  assert.equal(s.total_footage_m, 400);
  assert.equal(s.on_bottom_hours_h, 30);
  assert.equal(s.average_rop_m_h, 13.33); // 400 m / 30 h
  assert.equal(s.npt_hours_h, 18);
  assert.equal(s.npt_share_pct, 25); // 18 h / (3 × 24 h)
  assert.equal(s.current_formation, "B");
  assert.equal(s.current_mud_density_g_cm3, 1.25);
  assert.match(body.text, /T1 测试1：井深 400 m/);
});

test("a well without reports says so; an unknown well is 404 naming it", async () => {
  const empty = await restCall(server.url, identity("USER"), "get_well_summary", { well_id: "T2" });
  assert.equal(empty.body.result.report_count, 0);
  assert.match(empty.body.text, /尚无钻井日报/);
  const unknown = await restCall(server.url, identity("USER"), "get_well_summary", {
    well_id: "ZZ9",
  });
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.message, /"ZZ9"/);
});
