import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { ADMIN_TOOLS, ENGINEER_TOOLS, USER_TOOLS } from "../helpers/role-tools.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

for (
  const [role, expected] of [
    ["USER", USER_TOOLS],
    ["ENGINEER", ENGINEER_TOOLS],
    ["ADMIN", ADMIN_TOOLS],
  ] as const
) {
  test(`tools/list shows ${role} exactly the tools the role may call`, async () => {
    const client = await connectStreamable(`${server.url}/mcp`, identity(role));
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [...expected].sort());
    for (const tool of tools) {
      assert.match(
        tool.description ?? "",
        /^[^A-Za-z]*[\u4e00-\u9fff]/,
        `${tool.name} description is Chinese first (TOOL_LANGUAGE=zh by default)`,
      );
      assert.equal(tool.inputSchema.type, "object");
      assert.ok(tool.outputSchema, `${tool.name} declares an output schema`);
    }
    await client.close();
  });
}

test("a role name matches case-insensitively after trimming, and nothing else is tolerated", async () => {
  for (
    const [raw, count] of [
      [" user ", USER_TOOLS.length],
      ["Admin", ADMIN_TOOLS.length],
      ["USERS", 0],
      ["", 0],
      ["root", 0],
    ] as const
  ) {
    const client = await connectStreamable(`${server.url}/mcp`, {
      ...identity("USER"),
      "X-User-Role": raw,
    });
    assert.equal((await client.listTools()).tools.length, count, `role "${raw}"`);
    await client.close();
  }
});

test("USER queries succeed with structured content; refused calls carry the guide's message as isError", async () => {
  const client = await connectStreamable(`${server.url}/mcp`, identity("USER"));
  const ok = await client.callTool({
    name: "query_drilling_data",
    arguments: { limit: 5, include_total: true },
  });
  assert.equal(ok.isError, undefined);
  const structured = ok.structuredContent as {
    records: { well_id: string; report_date: string }[];
    total: number;
  };
  assert.equal(structured.records.length, 5);
  assert.ok(structured.total > 100);
  const dates = structured.records.map((r) => r.report_date);
  assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
  assert.match(textOf(ok), /共 \d+ 条，显示第 1–5 条/);

  for (const tool of ["export_all_data", "delete_drilling_record", "add_drilling_record"]) {
    const denied = await client.callTool({ name: tool, arguments: {} });
    assert.equal(denied.isError, true);
    assert.equal(textOf(denied), `权限不足：用户角色 USER 无权访问工具 ${tool}`);
  }
  await client.close();
});

test("a refused delete leaves the record in place; ADMIN's delete removes it from queries", async () => {
  const user = await connectStreamable(`${server.url}/mcp`, identity("ENGINEER"));
  const admin = await connectStreamable(`${server.url}/mcp`, identity("ADMIN"));
  const first = await admin.callTool({
    name: "query_drilling_data",
    arguments: { well_id: "W001", limit: 1 },
  });
  const record = (first.structuredContent as { records: { id: number }[] }).records[0];
  const refused = await user.callTool({
    name: "delete_drilling_record",
    arguments: { record_id: record.id },
  });
  assert.equal(textOf(refused), "权限不足：用户角色 ENGINEER 无权访问工具 delete_drilling_record");
  const still = await server.db.execute("SELECT deleted_at FROM drilling_daily WHERE id = ?", [
    record.id,
  ]);
  assert.equal(still.rows[0].deleted_at, null);

  const deleted = await admin.callTool({
    name: "delete_drilling_record",
    arguments: { record_id: record.id },
  });
  assert.equal(deleted.isError, undefined, textOf(deleted));
  const again = await admin.callTool({
    name: "query_drilling_data",
    arguments: { well_id: "W001", limit: 1 },
  });
  assert.notEqual(
    (again.structuredContent as { records: { id: number }[] }).records[0].id,
    record.id,
  );
  await user.close();
  await admin.close();
});

test("ENGINEER adds and updates a report; invalid arguments are JSON-RPC errors naming the field", async () => {
  const client = await connectStreamable(`${server.url}/mcp`, identity("ENGINEER"));
  const added = await client.callTool({
    name: "add_drilling_record",
    arguments: {
      well_id: "W001",
      report_date: "2027-01-05",
      depth_m: 3710,
      footage_m: 10,
      mud_density_g_cm3: 1.3,
    },
  });
  assert.equal(added.isError, undefined, textOf(added));
  const id = (added.structuredContent as { record: { id: number } }).record.id;
  const updated = await client.callTool({
    name: "update_drilling_record",
    arguments: { record_id: id, footage_m: 12.5 },
  });
  assert.deepEqual((updated.structuredContent as { changed: string[] }).changed, ["footage_m"]);

  await assert.rejects(
    client.callTool({
      name: "add_drilling_record",
      arguments: { well_id: "W001", report_date: "2027-01-06", depth_m: -5 },
    }),
    (e: Error & { code?: number }) => e.code === -32602 && /"depth_m" = -5/.test(e.message),
  );
  await assert.rejects(
    client.callTool({ name: "query_drilling_data", arguments: { limit: 5000 } }),
    (e: Error & { code?: number }) => e.code === -32602 && /"limit" = 5000/.test(e.message),
  );
  const unknownWell = await client.callTool({
    name: "add_drilling_record",
    arguments: { well_id: "NOPE9", report_date: "2027-01-06" },
  });
  assert.equal(unknownWell.isError, true);
  assert.match(textOf(unknownWell), /未找到井号 "NOPE9"/);
  const count = await server.db.execute(
    "SELECT count(*) AS n FROM drilling_daily WHERE well_id = 'NOPE9'",
  );
  assert.equal(count.rows[0].n, 0);
  await client.close();
});

test("GET and DELETE on /mcp answer 405; a literal placeholder is refused with 401", async () => {
  assert.equal((await fetch(`${server.url}/mcp`)).status, 405);
  assert.equal((await fetch(`${server.url}/mcp`, { method: "DELETE" })).status, 405);
  const res = await fetch(`${server.url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...identity("USER"),
      "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  assert.equal(res.status, 401);
  assert.match((await res.json()).message, /LibreChat did not substitute it/);
});
