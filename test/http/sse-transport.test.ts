import { test } from "node:test";
import assert from "node:assert/strict";
import { WebSseServerTransport } from "../../lib/http/sse-transport.ts";

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!until.test(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

test("the stream announces the endpoint first, then carries messages as `message` events", async () => {
  const transport = new WebSseServerTransport({ sessionId: "abc-1", endpoint: "/messages", keepAliveMs: 60_000 });
  const res = transport.response();
  assert.equal(res.headers.get("content-type"), "text/event-stream; charset=utf-8");
  assert.equal(res.headers.get("x-accel-buffering"), "no");
  const reader = res.body!.getReader();
  assert.equal(await readText(reader, /\n\n/), "event: endpoint\ndata: /messages?sessionId=abc-1\n\n");
  await transport.send({ jsonrpc: "2.0", id: 7, result: { ok: "是" } });
  assert.equal(await readText(reader, /\n\n/), 'event: message\ndata: {"jsonrpc":"2.0","id":7,"result":{"ok":"是"}}\n\n');
  await transport.close();
  assert.equal((await reader.read()).done, true);
});

test("keep-alive comments are sent on every tick, with the tick callback", async () => {
  let ticks = 0;
  // The keep-alive timer is unref'd (it must not keep a stopped server alive); hold the loop open here.
  const hold = setTimeout(() => {}, 10_000);
  const transport = new WebSseServerTransport({ sessionId: "k", endpoint: "/sse", keepAliveMs: 5, onTick: () => ticks++ });
  const reader = transport.response().body!.getReader();
  const text = await readText(reader, /: keep-alive\n\n.*: keep-alive\n\n/s);
  assert.match(text, /^event: endpoint\n/);
  assert.ok(ticks >= 1);
  await transport.close();
  clearTimeout(hold);
});

test("POSTed JSON-RPC reaches onmessage; anything else throws; close is reported once, also when the client cancels", async () => {
  const transport = new WebSseServerTransport({ sessionId: "m", endpoint: "/messages", keepAliveMs: 60_000 });
  const got: unknown[] = [];
  let closes = 0;
  transport.onmessage = (m) => void got.push(m);
  transport.onclose = () => void closes++;
  const reader = transport.response().body!.getReader();
  transport.handleMessage({ jsonrpc: "2.0", id: 1, method: "ping" });
  assert.deepEqual(got, [{ jsonrpc: "2.0", id: 1, method: "ping" }]);
  assert.throws(() => transport.handleMessage({ name: "query_drilling_data" }), /not a JSON-RPC message/);
  await reader.cancel();
  await transport.close();
  assert.equal(closes, 1);
  assert.equal(transport.closed, true);
  await assert.rejects(transport.send({ jsonrpc: "2.0", id: 2, result: {} }), /is closed/);
});
