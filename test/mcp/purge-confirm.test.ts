import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { ElicitRequest } from "@modelcontextprotocol/client";
import { textOf } from "../helpers/mcp-client.ts";
import { connectModern } from "../helpers/mcp-client-v2.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const admin = identity("ADMIN", "purger@example.com", "purger");
const exists = async (id: number) =>
  (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE id = ?", [id])).rows[0]
    .n === 1;
const softDelete = async (id: number) =>
  assert.equal(
    (await restCall(server.url, admin, "delete_drilling_record", { record_id: id })).status,
    200,
  );

test("2026-07-28 with form elicitation: the person confirms the purge in an input-required round", async () => {
  await softDelete(21);
  const asked: ElicitRequest[] = [];
  const client = await connectModern(`${server.url}/mcp`, admin, {
    onElicit: (r) => (asked.push(r), { action: "accept", content: { confirm: true } }),
  });
  const result = await client.callTool({
    name: "purge_drilling_record",
    arguments: { record_id: 21 },
  });
  assert.equal(result.isError ?? false, false, textOf(result));
  assert.equal(asked.length, 1);
  assert.match(String(asked[0].params.message), /确认彻底删除记录号 21.* \/ Purge record 21/);
  assert.ok(!(await exists(21)));
  await client.close();
});

test("a declined confirmation purges nothing and is audited; a typed confirm still works without asking", async () => {
  await softDelete(22);
  let asked = 0;
  const client = await connectModern(`${server.url}/mcp`, admin, {
    onElicit: () => (asked++, { action: "decline" }),
  });
  const declined = await client.callTool({
    name: "purge_drilling_record",
    arguments: { record_id: 22 },
  });
  assert.equal(declined.isError, true);
  assert.equal(
    textOf(declined),
    "未确认，记录号 22 没有被彻底删除 / not confirmed: record 22 was not purged",
  );
  assert.ok(await exists(22));
  const rows = await server.db.execute(
    "SELECT outcome, transport, message FROM audit_log WHERE user_id = 'purger' AND tool = 'purge_drilling_record' ORDER BY id DESC LIMIT 1",
  );
  assert.deepEqual(rows.rows.map((r) => [r.outcome, r.transport, r.message]), [[
    "invalid",
    "streamable_http",
    textOf(declined),
  ]]);
  const typed = await client.callTool({
    name: "purge_drilling_record",
    arguments: { record_id: 22, confirm: "PURGE 22" },
  });
  assert.equal(typed.isError ?? false, false, textOf(typed));
  assert.equal(asked, 1, "a typed confirm is not asked again");
  assert.ok(!(await exists(22)));
  await client.close();
});

test("without elicitation, or for a role that may not purge, the typed confirm stays the only way", async () => {
  await softDelete(23);
  const plain = await connectModern(`${server.url}/mcp`, admin);
  await assert.rejects(
    plain.callTool({ name: "purge_drilling_record", arguments: { record_id: 23 } }),
    /confirm/,
  );
  assert.ok(await exists(23));
  let asked = 0;
  const user = await connectModern(`${server.url}/mcp`, identity("USER"), {
    onElicit: () => (asked++, { action: "accept", content: { confirm: true } }),
  });
  const denied = await user.callTool({
    name: "purge_drilling_record",
    arguments: { record_id: 23 },
  });
  assert.equal(textOf(denied), "权限不足：用户角色 USER 无权访问工具 purge_drilling_record");
  assert.equal(asked, 0, "a USER is never asked");
  assert.ok(await exists(23));
  await Promise.all([plain.close(), user.close()]);
});
