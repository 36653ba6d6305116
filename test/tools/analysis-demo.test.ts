import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

const ANALYSES: [string, Record<string, unknown>][] = [
  ["analyze_rop", {}],
  ["analyze_npt", {}],
  ["get_drilling_curve", { well_id: "W005" }],
  ["compare_wells", { well_id: "W003", offset_wells: true }],
  ["compute_mse", { well_id: "W001" }],
];

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

test("every analysis answers USER, ENGINEER and ADMIN over REST and MCP, and refuses an unknown role on both", async () => {
  for (const [name, args] of ANALYSES) {
    await callBoth(server.url, name, args);
    for (const role of ["ENGINEER", "ADMIN"]) {
      assert.equal(
        (await restCall(server.url, identity(role), name, args)).status,
        200,
        `${role} ${name}`,
      );
    }
    const rest = await restCall(server.url, identity("GUEST"), name, args);
    assert.equal(rest.status, 403, name);
    assert.equal(rest.body.message, `权限不足：用户角色 GUEST 无权访问工具 ${name}`);
    const client = await connectStreamable(`${server.url}/mcp`, identity("GUEST"));
    const denied = await client.callTool({ name, arguments: args });
    assert.equal(denied.isError, true);
    assert.equal(textOf(denied), `权限不足：用户角色 GUEST 无权访问工具 ${name}`);
    await client.close();
  }
});

test("the demo data exercises every analysis: a slow formation, an NPT-heavy well, offset wells, a plan, MSE", async () => {
  const rop = (await callBoth(server.url, "analyze_rop", {})).result;
  assert.match(rop.groups[0].group, /八道湾组/, "八道湾组 is the slowest formation");
  const npt = (await callBoth(server.url, "analyze_npt", {})).result;
  assert.equal(npt.wells[0].well_id, "W005", "W005 has the most NPT");
  assert.ok(npt.wells[0].npt_share_pct > 2 * npt.npt_share_pct);
  const curve =
    (await callBoth(server.url, "get_drilling_curve", { well_id: "W005" })).result.wells[0];
  assert.ok(curve.plan.length > 5 && curve.points.length > 20);
  assert.ok(curve.summary.days_vs_plan > 0, "W005 reached its planned depth late");
  const compare =
    (await callBoth(server.url, "compare_wells", { well_id: "W003", offset_wells: true })).result;
  const ids = compare.wells.map((w: { well_id: string }) => w.well_id);
  for (const id of ["W001", "W002", "W003", "W004"]) {
    assert.ok(ids.includes(id), `${id} is an offset well of W003`);
  }
  assert.ok(compare.wells.find((w: { well_id: string }) => w.well_id === "W003").mean_mse_mpa > 0);
  assert.match(compare.filter, /W003（扩展为 \d+ 口井 expanded to \d+ wells）/);
  const mse = (await callBoth(server.url, "compute_mse", { well_id: "W001" })).result;
  assert.ok(mse.rows_with_mse > 20 && mse.highest.length === 5);
});

test("analyses read well ids and dates as people type them, through the shared filter", async () => {
  const { result, text } = await callBoth(server.url, "get_drilling_curve", { well_id: " ｗ005 " });
  assert.equal(result.wells[0].well_id, "W005");
  assert.equal(result.wells_resolved[0].well_id, "W005");
  assert.match(text, /井号 well: .*W005/);
  const latest = (await callBoth(server.url, "analyze_rop", {
    well_ids: ["W001", "W002"],
    date: "latest",
    group_by: "well_id",
  })).result;
  assert.deepEqual(latest.groups.map((g: { rows: number }) => g.rows), [1, 1]);
  assert.match(latest.filter, /每口井最新日报/);
});
