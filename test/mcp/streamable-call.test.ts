import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { MCP_POST_HEADERS, postMcp } from "../helpers/mcp-post.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// A plain 2025-era tools/call is answered by the call pipeline directly, not by an SDK server and
// transport built per request (lib/mcp/streamable.ts). These tests hold that answer equal to the SDK's.

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

const post = (headers: Record<string, string>, body: unknown) =>
  postMcp(`${server.url}/mcp`, headers, body);

// A `_meta` in params makes the request one the direct answer does not take: the SDK server answers it
// (a 2025-era call's progress token changes nothing in its answer).
const plain = (id: string | number, name: string, args?: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: args === undefined ? { name } : { name, arguments: args },
});
const viaSdk = (id: string | number, name: string, args?: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, ...(args === undefined ? {} : { arguments: args }), _meta: { progressToken: 7 } },
});

const CASES: readonly (readonly [string, string, unknown, string])[] = [
  ["ENGINEER", "query_drilling_data", { limit: 5 }, "an answer"],
  ["USER", "query_drilling_data", undefined, "an answer without arguments"],
  ["ENGINEER", "get_drilling_curve", { well_id: "石南1000" }, "a tool with a chart"],
  ["USER", "export_all_data", {}, "a denial"],
  ["ENGINEER", "query_drilling_data", { limit: "five" }, "invalid arguments (a JSON-RPC error)"],
  ["ENGINEER", "no_such_tool", {}, "an unknown tool (a JSON-RPC error)"],
  ["nobody", "query_drilling_data", {}, "an unknown role"],
];

for (const [role, name, args, what] of CASES) {
  test(`a plain tools/call answers ${what} exactly as the SDK server does`, async () => {
    for (const id of [1, 'req-"7"', 0]) {
      const direct = await post(identity(role), plain(id, name, args));
      const sdk = await post(identity(role), viaSdk(id, name, args));
      assert.equal(direct.status, sdk.status);
      assert.equal(direct.type, sdk.type);
      assert.deepEqual(direct.body, sdk.body);
      assert.equal(direct.body.id, id);
    }
  });
}

test("a plain tools/call leaves one audit row, like any call", async () => {
  type Audit = {
    total: number;
    entries: { tool: string; email: string; outcome: string; transport: string }[];
  };
  const audit = async () => {
    const res = await post(
      identity("ADMIN"),
      viaSdk(9, "query_audit_log", { tool: "list_wells", limit: 5 }),
    );
    return (res.body.result as { structuredContent: Audit }).structuredContent;
  };
  const before = await audit();
  const res = await post(identity("ENGINEER"), plain(3, "list_wells", {}));
  assert.ok(res.body.result, "answered");
  let now = await audit();
  for (let i = 0; i < 50 && now.total === before.total; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20)); // the audit sink writes after the answer
    now = await audit();
  }
  assert.equal(now.total, before.total + 1, "exactly one row more");
  assert.equal(now.entries[0].email, "engineer@example.com");
  assert.equal(now.entries[0].outcome, "ok");
  assert.equal(now.entries[0].transport, "streamable_http");
});

test("requests the direct answer does not take still get the SDK's checks", async () => {
  const badVersion = await post(
    { ...identity("USER"), "mcp-protocol-version": "1999-01-01" },
    plain(1, "list_wells", {}),
  );
  assert.equal(badVersion.status, 400, "an unsupported protocol version is refused as before");
  const res = await fetch(`${server.url}/mcp`, {
    method: "POST",
    headers: { ...MCP_POST_HEADERS, ...identity("USER"), accept: "application/json" },
    body: JSON.stringify(plain(1, "list_wells", {})),
  });
  assert.equal(res.status, 406, "a client that does not accept SSE is refused as before");
  await res.body?.cancel();
  const badName = await post(identity("USER"), {
    jsonrpc: "2.0",
    id: 2,
    method: "tools/call",
    params: { name: 42 },
  });
  const arrayArgs = await post(identity("USER"), plain(4, "list_wells", [1]));
  for (const refused of [badName, arrayArgs]) {
    assert.ok(
      refused.body.error,
      "a name that is not a string, arguments that are not an object: refused as before",
    );
    assert.equal(refused.body.result, undefined);
  }
});
