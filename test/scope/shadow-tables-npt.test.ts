import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { realData } from "../helpers/realdata.ts";

// daily_npt (each report's derived NPT) has no well_id: a scoped caller sees the rows of its
// visible wells' reports, not none (which read as 0 h NPT) and not the others'.
let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0", SCOPED_ROLES: "USER" })));
after(() => server.close());

test("a scoped user gets the NPT of the wells granted (Volve F-4: 537.25 h by hand) and nothing of the others", async () => {
  const admin = identity("ADMIN");
  for (
    const file of ["15_9_F_4_campaign_events_raw.jsonl", "15_9_F_10_campaign_events_raw.jsonl"]
  ) {
    const jsonl_text = await readFile(realData("volve_ddr_campaigns", file), "utf8");
    const r = await restCall(server.url, admin, "import_data", {
      jsonl_text,
      file_name: file,
      dry_run: false,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
  }
  await restCall(server.url, admin, "grant_access", { user_id: "id-user", wells: ["15/9-F-4"] });
  const user = identity("USER");
  const summary = await restCall(server.url, user, "get_well_summary", { well_id: "15/9-F-4" });
  assert.equal(summary.body.result.npt_hours_h, 537.25);
  assert.deepEqual(summary.body.result.npt_sources, { activities: 69, recorded: 0, text: 0 });
  const npt = await restCall(server.url, user, "analyze_npt", {});
  assert.equal(Math.round(npt.body.result.npt_h * 100) / 100, 537.25);
  assert.deepEqual(npt.body.result.wells.map((w: { well_id: string }) => w.well_id), ["15/9-F-4"]);
  const stats = await restCall(server.url, user, "get_statistics", { group_by: "year" });
  assert.deepEqual(
    stats.body.result.groups.map((g: { group: string; npt_h: number }) => [g.group, g.npt_h]),
    [["2008", 537.25]],
  );
  assert.deepEqual(stats.body.result.npt_sources, { activities: 69, recorded: 0, text: 0 });
});
