import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { noAccessMessage } from "../../lib/scope/data-scope.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// USER and ENGINEER see only their grants; the geologist below is granted the block 石南.
let server: TestServer;
let admin: Client;
let geologist: Client;
const GEOLOGIST = identity("USER", "li@oilfield.example", "u-li");
const structured = (r: unknown) =>
  // deno-lint-ignore no-explicit-any -- assertions read JSON answers by path
  (r as { structuredContent: Record<string, any> }).structuredContent;

before(async () => {
  server = await startTestServer({ SCOPED_ROLES: "USER,ENGINEER" });
  admin = await connectStreamable(`${server.url}/mcp`, identity("ADMIN"));
  geologist = await connectStreamable(`${server.url}/mcp`, GEOLOGIST);
});
after(async () => {
  await admin.close();
  await geologist.close();
  await server.close();
});

const call = (c: Client, name: string, args: Record<string, unknown> = {}) =>
  c.callTool({ name, arguments: args });

test("a scoped user without a grant sees nothing; list_access says so", async () => {
  const wells = structured(await call(geologist, "list_wells"));
  assert.equal(wells.total, 0);
  const mine = await call(geologist, "list_access");
  assert.equal(structured(mine).scope, "granted");
  assert.match(textOf(mine), /请联系管理员授权 \/ ask an administrator/);
});

test("granted one block, reads and statistics cover that block only; naming another block's well is refused", async () => {
  const granted = await call(admin, "grant_access", {
    user_id: "u-li",
    email: "li@oilfield.example",
    blocks: ["石南"],
  });
  assert.equal(granted.isError, undefined, textOf(granted));
  const wells = structured(await call(geologist, "list_wells", { limit: 500 }));
  assert.equal(wells.total, 41);
  assert.deepEqual([...new Set(wells.wells.map((w: { block: string }) => w.block))], ["石南"]);
  const stats = structured(await call(geologist, "get_statistics"));
  assert.deepEqual(stats.groups.map((g: { group: string }) => g.group), ["石南"]);
  const all = structured(await call(admin, "get_statistics")).groups.find((g: { group: string }) =>
    g.group === "石南"
  );
  assert.deepEqual(stats.groups[0], all, "the block's own figures are whole");
  // A comparison of a visible and a forbidden well: refused, not silently narrowed, and none of W005's figures.
  const forbidden = await call(geologist, "query_drilling_data", { well_ids: ["W001", "W005"] });
  assert.equal(forbidden.isError, true);
  assert.deepEqual(forbidden.content, [{ type: "text", text: noAccessMessage("W005") }]);
  if (TOOLS.some((t) => t.name === "compare_wells")) {
    const compared = await call(geologist, "compare_wells", { well_ids: ["W001", "W005"] });
    assert.equal(compared.isError, true);
    assert.deepEqual(compared.content, [{ type: "text", text: noAccessMessage("W005") }]);
  }
});

test("list_access: the admin group sees the scoped roles and every grant; a USER only their own scope", async () => {
  const mine = structured(await call(geologist, "list_access"));
  assert.equal(mine.grants, undefined);
  assert.equal(mine.scoped_roles, undefined);
  const all = await call(admin, "list_access");
  assert.deepEqual(structured(all).scoped_roles, ["USER", "ENGINEER"]);
  const li = structured(all).grants.filter((g: { principal: string }) => g.principal === "u-li");
  assert.deepEqual(
    li.map((g: { grant_kind: string; value: string }) => `${g.grant_kind} ${g.value}`),
    ["block 石南"],
  );
  assert.match(textOf(all), /受范围限制的角色 scoped roles \(SCOPED_ROLES\): USER, ENGINEER/);
});

test("an unknown well and a forbidden well get the same answer, byte for byte", async () => {
  for (
    const [name, args] of [["query_drilling_data", (w: string) => ({ well_id: w })], [
      "get_well_summary",
      (w: string) => ({ well_id: w }),
    ], ["query_drilling_data", (w: string) => ({ well_ids: [w], view: "report" })]] as const
  ) {
    const a = await call(geologist, name, args("W005"));
    const b = await call(geologist, name, args("ZZ404"));
    assert.equal(
      JSON.stringify(a).replaceAll("W005", "X"),
      JSON.stringify(b).replaceAll("ZZ404", "X"),
      name,
    );
    const ra = await restCall(server.url, GEOLOGIST, name, args("W005"));
    const rb = await restCall(server.url, GEOLOGIST, name, args("ZZ404"));
    assert.equal(ra.status, rb.status);
    assert.equal(
      JSON.stringify(ra.body).replaceAll("W005", "X"),
      JSON.stringify(rb.body).replaceAll("ZZ404", "X"),
      `${name} REST`,
    );
  }
});

test("a grant and a revoke are seen on the very next call of the same open connection", async () => {
  assert.equal((await call(geologist, "get_well_summary", { well_id: "W005" })).isError, true);
  await call(admin, "grant_access", { user_id: "u-li", blocks: ["莫北"] });
  const now = await call(geologist, "get_well_summary", { well_id: "W005" });
  assert.equal(now.isError, undefined, textOf(now));
  assert.equal(structured(now).well_id, "W005");
  assert.equal(structured(now).block, "莫北");
  assert.deepEqual(
    structured(await call(geologist, "list_access")).blocks,
    ["石南", "莫北"].sort(),
  );
  const revoked = await call(admin, "revoke_access", { user_id: "u-li", blocks: ["莫北"] });
  assert.deepEqual(structured(revoked).removed, [{ grant_kind: "block", value: "莫北" }]);
  assert.deepEqual((await call(geologist, "get_well_summary", { well_id: "W005" })).content, [{
    type: "text",
    text: noAccessMessage("W005"),
  }]);
  const history = await server.db.execute(
    "SELECT action, changed_by FROM record_history WHERE table_name = 'access_grants' ORDER BY id",
  );
  assert.deepEqual(history.rows.map((r) => r.action), ["insert", "insert", "delete"]);
  assert.match(String(history.rows[2].changed_by), /admin@example\.com/);
});

test("a scoped write to another block is refused and changes nothing; in its block it is saved", async () => {
  const engineer = await connectStreamable(
    `${server.url}/mcp`,
    identity("ENGINEER", "zhao@oilfield.example", "u-zhao"),
  );
  try {
    await call(admin, "grant_access", { role: "ENGINEER", blocks: ["石南"] });
    const count = async () =>
      Number((await server.db.execute("SELECT count(*) AS n FROM drilling_daily")).rows[0].n);
    const before = await count();
    const add = await call(engineer, "add_drilling_record", {
      well_id: "W005",
      report_date: "2026-11-20",
      depth_m: 10,
    });
    assert.deepEqual(add.content, [{ type: "text", text: noAccessMessage("W005") }]);
    const record = Number(
      (await server.db.execute("SELECT max(id) AS id FROM drilling_daily WHERE well_id = 'W005'"))
        .rows[0].id,
    );
    const unknown = await call(engineer, "update_drilling_record", {
      record_id: 999999,
      depth_m: 1,
    });
    const hidden = await call(engineer, "update_drilling_record", {
      record_id: record,
      depth_m: 1,
    });
    assert.equal(hidden.isError, true);
    assert.equal(
      textOf(hidden).replaceAll(String(record), "N"),
      textOf(unknown).replaceAll("999999", "N"),
      "a hidden record is answered like a missing one",
    );
    assert.equal(await count(), before);
    assert.equal(
      (await server.db.execute("SELECT updated_by FROM drilling_daily WHERE id = ?", [record]))
        .rows[0].updated_by,
      null,
    );
    const ok = await call(engineer, "add_drilling_record", {
      well_id: "W001",
      report_date: "2026-11-20",
      depth_m: 10,
    });
    assert.equal(ok.isError, undefined, textOf(ok));
    assert.equal(await count(), before + 1);
  } finally {
    await engineer.close();
  }
});
