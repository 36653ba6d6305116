import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const alice = identity("ENGINEER", "alice@example.com", "u-alice");
const bob = identity("ENGINEER", "bob@example.com", "u-bob");
const admin = identity("ADMIN");
const data = async (id: number) => {
  const { created_at: _c, updated_at: _u, updated_by: _b, ...rest } =
    (await server.db.execute("SELECT * FROM drilling_daily WHERE id = ?", [id])).rows[0];
  return rest;
};
const lastHistoryId = async (id: number) =>
  (await restCall(server.url, admin, "get_record_history", { record_id: id })).body.result
    .entries[0].history_id as number;

test("an engineer undoes their own bad edit: every data column is back; the undo can be undone", async () => {
  const id = 100;
  const original = await data(id);
  const edit = await restCall(server.url, alice, "update_drilling_record", {
    record_id: id,
    depth_m: 9999,
    main_work: "typo",
    formation: null,
  });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  const hid = await lastHistoryId(id);
  const history = await restCall(server.url, alice, "get_record_history", { record_id: id });
  assert.deepEqual(history.body.result.entries[0].changed_fields.sort(), [
    "depth_m",
    "formation",
    "main_work",
  ]);

  const undo = await restCall(server.url, alice, "undo_record_change", { history_id: hid });
  assert.equal(undo.status, 200, JSON.stringify(undo.body));
  assert.deepEqual(undo.body.result.reverted.sort(), ["depth_m", "formation", "main_work"]);
  assert.deepEqual(await data(id), original);

  const redo = await restCall(server.url, alice, "undo_record_change", {
    history_id: undo.body.result.history_id,
  });
  assert.equal(redo.status, 200, JSON.stringify(redo.body));
  assert.equal((await data(id)).depth_m, 9999);
});

test("another engineer's change and an older change cannot be undone; an admin can undo the newest", async () => {
  const id = 101;
  const original = await data(id);
  await restCall(server.url, alice, "update_drilling_record", { record_id: id, rop_m_h: 1 });
  const aliceEdit = await lastHistoryId(id);
  const byBob = await restCall(server.url, bob, "undo_record_change", { history_id: aliceEdit });
  assert.equal(byBob.status, 403);
  assert.match(byBob.body.message, /alice@example.com/);
  await restCall(server.url, bob, "update_drilling_record", { record_id: id, rop_m_h: 2 });
  const bobEdit = await lastHistoryId(id);
  const older = await restCall(server.url, alice, "undo_record_change", { history_id: aliceEdit });
  assert.equal(older.status, 409);
  assert.match(older.body.message, new RegExp(`${bobEdit}`));
  assert.equal(
    (await restCall(server.url, admin, "undo_record_change", { history_id: bobEdit })).status,
    200,
  );
  assert.equal(
    (await restCall(server.url, admin, "undo_record_change", { history_id: aliceEdit })).status,
    409,
    "the admin's undo is itself newer",
  );
  assert.equal((await data(id)).rop_m_h, 1);
  assert.notDeepEqual(await data(id), original);
});

test("undo of a delete points to restore; unknown history ids are not found; USER may not undo", async () => {
  await restCall(server.url, admin, "delete_drilling_record", { record_id: 102 });
  const del = await lastHistoryId(102);
  const r = await restCall(server.url, admin, "undo_record_change", { history_id: del });
  assert.equal(r.status, 400);
  assert.match(r.body.message, /restore_drilling_record/);
  assert.equal(
    (await restCall(server.url, admin, "undo_record_change", { history_id: 9_999_999 })).status,
    404,
  );
  assert.equal(
    (await restCall(server.url, identity("USER"), "undo_record_change", { history_id: del }))
      .status,
    403,
  );
});
