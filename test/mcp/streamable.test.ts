import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { InMemoryResponseCacheStore } from "@modelcontextprotocol/client";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { connectModern } from "../helpers/mcp-client-v2.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const MODERN = "2026-07-28";
const envelope = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

async function post(path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    json: await res.json(),
  };
}

const modernHeaders = (role: string, method: string, name?: string) => ({
  ...identity(role),
  "mcp-protocol-version": MODERN,
  "mcp-method": method,
  ...(name ? { "mcp-name": name } : {}),
});

/**
 * POSTs a 2026-07-28 request as `role`: the envelope in params._meta, and the headers that go with
 * it (mcp-name: `headerName`, by default the tool the params name).
 */
const modern = (
  path: string,
  role: string,
  id: string | number,
  method: string,
  params: { name?: string; arguments?: unknown } = {},
  headerName = params.name,
) =>
  post(
    path,
    { jsonrpc: "2.0", id, method, params: { ...params, _meta: envelope } },
    modernHeaders(role, method, headerName),
  );

for (const role of ["USER", "ENGINEER", "ADMIN", "root"]) {
  test(`a 2026-07-28 client (SDK v2) sees exactly the tools a 2025 client (SDK v1) sees as ${role}`, async () => {
    const modern = await connectModern(`${server.url}/mcp`, identity(role));
    const legacy = await connectStreamable(`${server.url}/mcp`, identity(role));
    assert.equal(modern.getNegotiatedProtocolVersion(), MODERN);
    const names = (r: { tools: { name: string }[] }) => r.tools.map((t) => t.name).sort();
    const [m, l] = [await modern.listTools(), await legacy.listTools()];
    assert.deepEqual(names(m), names(l));
    assert.equal(m.tools.length > 0, role !== "root", "an unknown role lists nothing");
    await Promise.all([modern.close(), legacy.close()]);
  });
}

test("2026-07-28: a call answers with structured content; a refusal is the guide's text as isError, with an audit row", async () => {
  const client = await connectModern(
    `${server.url}/mcp`,
    identity("USER", "u18@example.com", "u18"),
  );
  const ok = await client.callTool({ name: "query_drilling_data", arguments: { limit: 3 } });
  assert.equal(ok.isError ?? false, false);
  assert.equal((ok.structuredContent as { records: unknown[] }).records.length, 3);
  const denied = await client.callTool({ name: "export_all_data", arguments: {} });
  assert.equal(denied.isError, true);
  assert.equal(textOf(denied), "权限不足：用户角色 USER 无权访问工具 export_all_data");
  await client.close();
  const rows = await waitForRows("u18", 2);
  assert.deepEqual(rows.map((r) => [r.tool, r.outcome, r.transport, r.role]), [
    ["query_drilling_data", "ok", "streamable_http", "USER"],
    ["export_all_data", "denied", "streamable_http", "USER"],
  ]);
});

async function waitForRows(userId: string, n: number) {
  for (let i = 0; i < 50; i++) {
    const rs = await server.db.execute(
      "SELECT tool, outcome, transport, role FROM audit_log WHERE user_id = ? ORDER BY id",
      [userId],
    );
    if (rs.rows.length >= n) return rs.rows;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`fewer than ${n} audit rows for ${userId}`);
}

test("2026-07-28 lists carry a private TTL: a client reuses its own role's list, never another principal's", async () => {
  for (const role of ["USER", "ADMIN"]) {
    const { json } = await modern("/mcp", role, 1, "tools/list");
    assert.deepEqual([json.result.ttlMs, json.result.cacheScope], [300_000, "private"], role);
  }
  // One cache shared by two principals, as a host pooling clients would: the private list stays per partition.
  const cache = new InMemoryResponseCacheStore();
  const sent: Record<string, string[]> = { admin: [], user: [] };
  const admin = await connectModern(`${server.url}/mcp`, identity("ADMIN"), {
    cache,
    partition: "id-admin",
    onSend: (m) => sent.admin.push(m),
  });
  const user = await connectModern(`${server.url}/mcp`, identity("USER"), {
    cache,
    partition: "id-user",
    onSend: (m) => sent.user.push(m),
  });
  const adminTools = (await admin.listTools()).tools.map((t) => t.name);
  const userTools = (await user.listTools()).tools.map((t) => t.name);
  assert.ok(adminTools.includes("export_all_data"));
  assert.ok(!userTools.includes("export_all_data"), "USER must not get ADMIN's cached list");
  assert.ok(userTools.length < adminTools.length);
  assert.deepEqual((await user.listTools()).tools.map((t) => t.name), userTools);
  assert.equal(
    sent.user.filter((m) => m === "tools/list").length,
    1,
    "the second list within the TTL came from the cache",
  );
  await Promise.all([admin.close(), user.close()]);
});

test("2026-07-28 over raw HTTP: discover, header/body and envelope checks with their error codes and ids", async () => {
  const discover = await modern("/mcp", "USER", "d", "server/discover");
  assert.equal(discover.status, 200);
  assert.equal(discover.json.id, "d");
  assert.ok(discover.json.result.supportedVersions.includes(MODERN));
  assert.equal(
    discover.json.result._meta["io.modelcontextprotocol/serverInfo"].name,
    "oilfield-mcp",
  );
  assert.deepEqual([discover.json.result.ttlMs, discover.json.result.cacheScope], [
    300_000,
    "private",
  ]);
  assert.deepEqual(Object.keys(discover.json.result.capabilities).sort(), ["resources", "tools"]);

  // mcp-name names another tool than the body calls
  const mismatch = await modern("/mcp", "USER", 3, "tools/call", {
    name: "export_all_data",
    arguments: {},
  }, "list_wells");
  assert.deepEqual([mismatch.status, mismatch.json.id, mismatch.json.error.code], [400, 3, -32020]);
  const noEnvelope = await post(
    "/mcp",
    { jsonrpc: "2.0", id: 4, method: "tools/list", params: {} },
    modernHeaders("USER", "tools/list"),
  );
  assert.deepEqual([noEnvelope.status, noEnvelope.json.id, noEnvelope.json.error.code], [
    400,
    4,
    -32602,
  ]);
  const unknownTool = await modern("/mcp/call-tool", "USER", 5, "tools/call", {
    name: "nope",
    arguments: {},
  });
  assert.deepEqual([unknownTool.json.id, unknownTool.json.error.code], [5, -32602]);
  assert.match(unknownTool.json.error.message, /未知工具 "nope"/);
  const removed = await modern("/mcp", "USER", 7, "initialize");
  assert.deepEqual(
    [removed.status, removed.json.id, removed.json.error.code],
    [404, 7, -32601],
    "initialize is gone in 2026-07-28",
  );
  const templates = await modern("/mcp", "ADMIN", 8, "resources/templates/list");
  assert.deepEqual([templates.json.result.resourceTemplates, templates.json.result.cacheScope], [
    [],
    "private",
  ]);
  const future = await post("/mcp", {
    jsonrpc: "2.0",
    id: 6,
    method: "tools/list",
    params: { _meta: { ...envelope, "io.modelcontextprotocol/protocolVersion": "2099-01-01" } },
  }, { ...identity("USER"), "mcp-protocol-version": "2099-01-01", "mcp-method": "tools/list" });
  assert.deepEqual([future.status, future.json.error.code], [400, -32022]);
  assert.ok(future.json.error.data.supported.includes(MODERN));
});

test("the guide's /mcp/call-tool answers 2026-07-28 JSON-RPC, and REST bodies stay REST", async () => {
  const rpc = await modern("/mcp/call-tool", "USER", 9, "tools/call", {
    name: "export_all_data",
    arguments: {},
  });
  assert.equal(
    rpc.json.result.content[0].text,
    "权限不足：用户角色 USER 无权访问工具 export_all_data",
  );
  const rest = await post(
    "/mcp/call-tool",
    { name: "export_all_data", arguments: {} },
    identity("USER"),
  );
  assert.deepEqual([rest.status, rest.json.error], [403, "denied"]);
});

test("2025-era requests get one JSON body each, and concurrent callers reusing one id each get their own role's answer", async () => {
  const roles = ["USER", "ENGINEER", "ADMIN"];
  const answers = await Promise.all(
    Array.from({ length: 18 }, (_, i) => roles[i % 3]).map(async (role) => {
      const r = await post("/mcp", { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, {
        ...identity(role),
        "mcp-protocol-version": "2025-06-18",
      });
      return { role, ...r };
    }),
  );
  const counts = new Map<string, number>();
  for (const a of answers) {
    assert.equal(a.status, 200);
    assert.match(a.type, /^application\/json/);
    assert.equal(a.json.id, 1);
    assert.equal(a.json.result.ttlMs, undefined, "2025-era results carry no cache fields");
    const n = a.json.result.tools.length;
    assert.equal(counts.get(a.role) ?? n, n, `${a.role} always gets the same list`);
    counts.set(a.role, n);
  }
  assert.ok(
    counts.get("USER")! < counts.get("ENGINEER")! && counts.get("ENGINEER")! < counts.get("ADMIN")!,
  );
});
