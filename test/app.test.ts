import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "./helpers/server.ts";
import type { TestServer } from "./helpers/server.ts";
import { USER_TOOLS } from "./helpers/role-tools.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ MAX_BODY_BYTES: "65536" })));
after(() => server.close());

test("GET /health reports the live record count", async () => {
  const res = await fetch(`${server.url}/health`);
  const body = await res.json();
  const n =
    (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL"))
      .rows[0].n;
  assert.deepEqual(body, { status: "healthy", database: "connected", total_records: n });
  assert.ok(Number(n) > 100);
});

test("GET /mcp/tools lists every tool with its roles, or only the caller's with identity headers", async () => {
  const all = await (await fetch(`${server.url}/mcp/tools`)).json();
  const exportTool = all.tools.find((t: { name: string }) => t.name === "export_all_data");
  assert.deepEqual(exportTool.roles, ["ADMIN"]);
  assert.equal(exportTool.inputSchema.type, "object");
  const mine = await (await fetch(`${server.url}/mcp/tools`, { headers: identity("USER") })).json();
  assert.equal(mine.role, "USER");
  assert.deepEqual(mine.tools.map((t: { name: string }) => t.name).sort(), USER_TOOLS);
  const none = await (await fetch(`${server.url}/mcp/tools`, { headers: identity("INTRUDER") }))
    .json();
  assert.deepEqual(none.tools, []);
});

test("POST /mcp/call-tool: the guide's ADMIN query and USER delete", async () => {
  const ok = await restCall(server.url, identity("ADMIN"), "query_drilling_data", { limit: 5 });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.result.records.length, 5);
  const refused = await restCall(server.url, identity("USER"), "delete_drilling_record", {
    record_id: 1,
  });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.message, "权限不足：用户角色 USER 无权访问工具 delete_drilling_record");
  const row = await server.db.execute("SELECT deleted_at FROM drilling_daily WHERE id = 1");
  assert.equal(row.rows[0].deleted_at, null);
});

test("REST statuses: 400 names the bad argument, 404 unknown tool or record, 409 duplicate day, no identity 403", async () => {
  const bad = await restCall(server.url, identity("USER"), "query_drilling_data", {
    limit: -1,
    extra: 1,
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /"limit" = -1/);
  assert.match(bad.body.message, /"extra"/);
  assert.equal((await restCall(server.url, identity("USER"), "no_such_tool")).status, 404);
  const missing = await restCall(server.url, identity("ADMIN"), "delete_drilling_record", {
    record_id: 999999,
  });
  assert.equal(missing.status, 404);
  assert.match(missing.body.message, /"999999"/);
  const date = (await server.db.execute(
    "SELECT report_date FROM drilling_daily WHERE well_id = 'W002' LIMIT 1",
  )).rows[0].report_date;
  const dup = await restCall(server.url, identity("ENGINEER"), "add_drilling_record", {
    well_id: "W002",
    report_date: date,
  });
  assert.equal(dup.status, 409);
  assert.match(dup.body.message, /update_drilling_record/);
  const anonymous = await restCall(server.url, {}, "list_wells");
  assert.equal(anonymous.status, 403);
});

test("malformed bodies: 400 with a JSON-RPC parse error, 413 above MAX_BODY_BYTES, 400 without a name", async () => {
  const post = (body: string) =>
    fetch(`${server.url}/mcp/call-tool`, {
      method: "POST",
      headers: { "content-type": "application/json", ...identity("USER") },
      body,
    });
  const parse = await post("{not json");
  assert.equal(parse.status, 400);
  assert.equal((await parse.json()).error.code, -32700);
  const big = await post(
    JSON.stringify({ name: "list_wells", arguments: { pad: "x".repeat(70000) } }),
  );
  assert.equal(big.status, 413);
  assert.equal((await post(JSON.stringify({ arguments: {} }))).status, 400);
});

test("a JSON-RPC body on /mcp/call-tool is MCP, a REST body stays REST", async () => {
  const res = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...identity("USER"),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: { name: "list_wells", arguments: { limit: 2 } },
    }),
  });
  const body = await res.json();
  assert.equal(body.id, 7);
  assert.equal(body.result.structuredContent.wells.length, 2);
});

test("a database fault: the call answers 500 with the message and logs its stack; health answers 503", async () => {
  const broken = await startTestServer();
  try {
    await broken.db.execute("ALTER TABLE drilling_daily RENAME TO drilling_daily_moved");
    const res = await restCall(broken.url, identity("ADMIN"), "query_drilling_data", { limit: 1 });
    assert.equal(res.status, 500);
    assert.match(res.body.message, /no such table: drilling_daily/);
    const logged = broken.logs.find((l) => l.msg === "tool failed");
    assert.match(String(logged?.stack), /at /);
    const health = await fetch(`${broken.url}/health`);
    assert.equal(health.status, 503);
    assert.equal((await health.json()).status, "unhealthy");
  } finally {
    await broken.close();
  }
});

test("GET /metrics counts calls and denials by tool and role in the Prometheus text format", async () => {
  await restCall(server.url, identity("USER"), "list_wells", { limit: 1 });
  await restCall(server.url, identity("USER"), "export_all_data");
  const text = await (await fetch(`${server.url}/metrics`)).text();
  assert.match(text, /^mcp_tool_calls_total\{tool_name="list_wells",role="USER"\} [1-9]/m);
  assert.match(
    text,
    /^mcp_permission_denials_total\{tool_name="export_all_data",role="USER"\} [1-9]/m,
  );
  assert.match(
    text,
    /^mcp_request_duration_seconds_bucket\{transport="rest",outcome="ok",le="\+Inf"\} [1-9]/m,
  );
});
