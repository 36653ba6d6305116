import { test } from "node:test";
import assert from "node:assert/strict";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { createMcpRelay } from "../../lib/http/mcp-relay.ts";

const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" };

function post(body: unknown): Request {
  return new Request("http://127.0.0.1/mcp", { method: "POST", headers, body: JSON.stringify(body) });
}

function echoServer(): Server {
  const server = new Server({ name: "relay-test", version: "1" }, { capabilities: { tools: {} } });
  // Answers after a delay that shrinks with the caller's number, so answers come back out of order.
  server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
    const who = extra.authInfo?.clientId ?? "nobody";
    await new Promise((r) => setTimeout(r, 30 - Number(who.slice(1))));
    return { tools: [{ name: `tool_for_${who}`, inputSchema: { type: "object" } }] };
  });
  return server;
}

test("concurrent callers using the same JSON-RPC id each get their own answer under their own id", async () => {
  const handle = await createMcpRelay(echoServer());
  const callers = Array.from({ length: 20 }, (_, i) => `c${i}`);
  const answers = await Promise.all(callers.map(async (who) => {
    const body = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
    const res = await handle(post(body), body, { token: "", clientId: who, scopes: [] });
    return { who, status: res.status, json: await res.json() };
  }));
  for (const a of answers) {
    assert.equal(a.status, 200);
    assert.equal(a.json.id, 1);
    assert.equal(a.json.result.tools[0].name, `tool_for_${a.who}`);
  }
});

test("initialize, a notification (202), an unknown method (-32601) and a bad Accept header (406) pass through the SDK transport", async () => {
  const handle = await createMcpRelay(echoServer());
  const auth = { token: "", clientId: "c1", scopes: [] };
  const init = { jsonrpc: "2.0", id: "a", method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } };
  const initRes = await handle(post(init), init, auth);
  assert.equal((await initRes.json()).result.serverInfo.name, "relay-test");
  const note = { jsonrpc: "2.0", method: "notifications/initialized" };
  assert.equal((await handle(post(note), note, auth)).status, 202);
  const unknown = { jsonrpc: "2.0", id: 7, method: "no/such", params: {} };
  const u = await (await handle(post(unknown), unknown, auth)).json();
  assert.deepEqual([u.id, u.error.code], [7, -32601]);
  const bad = new Request("http://127.0.0.1/mcp", { method: "POST", headers: { ...headers, accept: "application/json" }, body: "{}" });
  assert.equal((await handle(bad, { jsonrpc: "2.0", id: 1, method: "tools/list" }, auth)).status, 406);
});
