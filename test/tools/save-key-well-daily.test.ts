import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { saveStatuses } from "../helpers/save-statuses.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const save = (role: string, args: unknown) =>
  restCall(server.url, identity(role), "save_key_well_daily", args);

test("key-well reports are upserted by well, date, horizon and layer; an empty layer is one layer", async () => {
  const { body } = await save("ENGINEER", {
    records: [
      {
        well_id: "石南201",
        report_date: "2021-03-05",
        horizon: "J1b",
        layer_no: "1",
        gas_rate_1e4m3_d: 3.2,
        water_cut_pct: 12,
      },
      {
        well_id: "石南201",
        report_date: "2021-03-05",
        horizon: "J1b",
        layer_no: "2",
        gas_rate_1e4m3_d: 1.1,
      },
      { well_id: "石南201", report_date: "2021-03-05", gas_rate_1e4m3_d: 4.3 },
      {
        well_id: "石南201",
        report_date: "2021-03-05",
        horizon: null,
        layer_no: null,
        gas_rate_1e4m3_d: 4.4,
      },
      { well_id: "石南201", report_date: "2021-03-06", water_cut_pct: 101 },
    ],
  });
  const r = body.result;
  assert.deepEqual(saveStatuses(r), ["inserted", "inserted", "inserted", "rejected", "rejected"]);
  assert.match(
    r.results[3].problems[0].reason,
    /same key "石南201 2021-03-05 {2}" as record \(row\) 3/,
  );
  assert.match(r.results[4].problems[0].reason, /含水 \[HS\] 101 超出合理范围 0–100 %/);
  assert.equal(r.results[0].well_in_master, false);

  const again = (await save("ADMIN", {
    records: [{
      well_id: "石南201",
      report_date: "2021-03-05",
      horizon: "J1b",
      layer_no: "1",
      water_cut_pct: 15,
    }],
  })).body.result;
  assert.deepEqual(again.results[0].changes, { water_cut_pct: { before: 12, after: 15 } });
  const noLayer = (await save("ENGINEER", {
    records: [{ well_id: "石南201", report_date: "2021-03-05", gas_rate_1e4m3_d: 4.3 }],
  })).body.result;
  assert.equal(noLayer.results[0].status, "unchanged");
  const n = await server.db.execute("SELECT count(*) AS n FROM key_well_daily");
  assert.equal(n.rows[0].n, 3);
  assert.equal(
    (await save("USER", { records: [{ well_id: "石南201", report_date: "2021-03-07" }] })).status,
    403,
  );
});
