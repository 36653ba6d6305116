import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const admin = identity("ADMIN");
const exists = async (id: number) =>
  (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE id = ?", [id])).rows[0]
    .n === 1;

test("purge asks for the exact confirmation, works only on a deleted record, and keeps the last state in history", async () => {
  const id = 7;
  const live = await restCall(server.url, admin, "purge_drilling_record", {
    record_id: id,
    confirm: "PURGE 7",
  });
  assert.equal(live.status, 409, "a live record must be deleted first");
  assert.match(live.body.message, /delete_drilling_record/);
  await restCall(server.url, admin, "delete_drilling_record", { record_id: id });
  for (const confirm of ["", "purge 7", "PURGE 8", "PURGE 7 "]) {
    const r = await restCall(server.url, admin, "purge_drilling_record", {
      record_id: id,
      confirm,
    });
    assert.equal(r.status, 400, confirm);
    assert.match(r.body.message, /"PURGE 7"/);
  }
  assert.equal(
    (await restCall(server.url, admin, "purge_drilling_record", { record_id: id })).status,
    400,
    "confirm is required",
  );
  assert.ok(await exists(id));
  const before =
    (await server.db.execute("SELECT * FROM drilling_daily WHERE id = ?", [id])).rows[0];
  const purged = await restCall(server.url, admin, "purge_drilling_record", {
    record_id: id,
    confirm: "PURGE 7",
  });
  assert.equal(purged.status, 200, JSON.stringify(purged.body));
  assert.ok(!(await exists(id)));
  const history = await restCall(server.url, admin, "get_record_history", { record_id: id });
  const last = history.body.result.entries[0];
  assert.equal(last.action, "purge");
  assert.deepEqual(last.before, before);
  assert.equal(
    (await restCall(server.url, admin, "restore_drilling_record", { record_id: id })).status,
    404,
  );
});

test("ENGINEER and USER cannot purge", async () => {
  for (const role of ["ENGINEER", "USER"]) {
    const r = await restCall(server.url, identity(role), "purge_drilling_record", {
      record_id: 8,
      confirm: "PURGE 8",
    });
    assert.equal(r.status, 403);
  }
  assert.ok(await exists(8));
});
