import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

test("export_all_data attaches the CSV; soft-deleted rows are left out", async () => {
  await restCall(server.url, identity("ADMIN"), "delete_drilling_record", { record_id: 3 });
  const { status, body } = await restCall(server.url, identity("ADMIN"), "export_all_data", { max_rows: 50000 });
  assert.equal(status, 200);
  const live = Number((await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL")).rows[0].n);
  assert.equal(body.result.total_rows, live);
  assert.equal(body.result.complete, true, JSON.stringify(body.result));
  const csv: string = body.content[0].resource.text;
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, live + 1);
  assert.ok(lines[0].startsWith("\uFEFFid,well_id,report_date"));
  assert.ok(!lines.some((l) => l.startsWith("3,")), "deleted record 3 not exported");
});

test("a partial inline export says so; the streaming download holds every row; USER is refused", async () => {
  const { body } = await restCall(server.url, identity("ADMIN"), "export_all_data", { max_rows: 10 });
  assert.equal(body.result.included_rows, 10);
  assert.equal(body.result.complete, false);
  assert.match(body.text, /GET \/export\/drilling_daily\.csv/);
  const res = await fetch(`${server.url}${body.result.download_path}`, { headers: identity("ADMIN") });
  assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
  const lines = (await res.text()).trim().split("\r\n");
  assert.equal(lines.length, body.result.total_rows + 1);
  const refused = await fetch(`${server.url}/export/drilling_daily.csv`, { headers: identity("USER") });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).message, "权限不足：用户角色 USER 无权访问工具 export_all_data");
});
