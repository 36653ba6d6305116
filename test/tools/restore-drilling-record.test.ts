import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const admin = identity("ADMIN");
const row = async (id: number) =>
  (await server.db.execute("SELECT * FROM drilling_daily WHERE id = ?", [id])).rows[0];
const health = async () =>
  (await (await fetch(`${server.url}/health`)).json()).total_records as number;

test("delete hides a record from queries, health and exports; restore brings back the identical row", async () => {
  const id = 42;
  const original = await row(id);
  const count = await health();
  const del = await restCall(server.url, admin, "delete_drilling_record", { record_id: id });
  assert.equal(del.status, 200, JSON.stringify(del.body));
  assert.notEqual((await row(id)).deleted_at, null);
  assert.equal(await health(), count - 1);
  const q = await restCall(server.url, admin, "query_drilling_data", {
    well_id: original.well_id as string,
    date_from: original.report_date as string,
    date_to: original.report_date as string,
    include_total: true,
  });
  assert.equal(q.body.result.total, 0);
  const csv = await (await fetch(`${server.url}/export/drilling_daily.csv`, { headers: admin }))
    .text();
  assert.ok(
    !csv.split("\r\n").some((line) => line.startsWith(`${id},`)),
    "the export leaves the deleted row out",
  );

  const restored = await restCall(server.url, admin, "restore_drilling_record", { record_id: id });
  assert.equal(restored.status, 200, JSON.stringify(restored.body));
  // Every column, bookkeeping included, is byte-for-byte what it was before the delete.
  assert.deepEqual(await row(id), original);
  assert.equal(await health(), count);
  const history = await restCall(server.url, admin, "get_record_history", { record_id: id });
  assert.deepEqual(history.body.result.entries.map((e: { action: string }) => e.action), [
    "restore",
    "delete",
  ]);
  assert.equal(history.body.result.entries[0].changed_by, "admin@example.com (id-admin)");
});

test("restore refuses while another live report holds the same well and day, and names it", async () => {
  const id = 43;
  const original = await row(id);
  await restCall(server.url, admin, "delete_drilling_record", { record_id: id });
  const added = await restCall(server.url, identity("ENGINEER"), "add_drilling_record", {
    well_id: original.well_id,
    report_date: original.report_date,
    depth_m: 100,
  });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  const newId = added.body.result.record.id;
  const refused = await restCall(server.url, admin, "restore_drilling_record", { record_id: id });
  assert.equal(refused.status, 409);
  assert.match(refused.body.message, new RegExp(`记录号 ${newId}.*record ${newId}`));
  assert.notEqual((await row(id)).deleted_at, null, "still deleted");
});

test("restore of a live or unknown record, and by a non-admin, is refused", async () => {
  assert.equal(
    (await restCall(server.url, admin, "restore_drilling_record", { record_id: 44 })).status,
    409,
  );
  assert.equal(
    (await restCall(server.url, admin, "restore_drilling_record", { record_id: 99_999_999 }))
      .status,
    404,
  );
  const engineer = await restCall(server.url, identity("ENGINEER"), "restore_drilling_record", {
    record_id: 44,
  });
  assert.equal(engineer.status, 403);
  assert.equal(
    engineer.body.message,
    "权限不足：用户角色 ENGINEER 无权访问工具 restore_drilling_record",
  );
});
