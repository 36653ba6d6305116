import { test } from "node:test";
import assert from "node:assert/strict";
import type { SseOutboxLimits } from "../../lib/mcp/sse-outbox.ts";
import { WebSseServerTransport } from "../../lib/mcp/sse-transport.ts";

async function readText(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: RegExp,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!until.test(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

/** A transport on /messages whose keep-alive does not tick during a test. */
function quietTransport(sessionId: string, limits?: SseOutboxLimits): WebSseServerTransport {
  return new WebSseServerTransport({
    sessionId,
    endpoint: "/messages",
    keepAliveMs: 60_000,
    ...(limits ? { limits } : {}),
  });
}

test("the stream announces the endpoint first, then carries messages as `message` events", async () => {
  const transport = quietTransport("abc-1");
  const res = transport.response();
  assert.equal(res.headers.get("content-type"), "text/event-stream; charset=utf-8");
  assert.equal(res.headers.get("x-accel-buffering"), "no");
  const reader = res.body!.getReader();
  assert.equal(
    await readText(reader, /\n\n/),
    "event: endpoint\ndata: /messages?sessionId=abc-1\n\n",
  );
  await transport.send({ jsonrpc: "2.0", id: 7, result: { ok: "是" } });
  assert.equal(
    await readText(reader, /\n\n/),
    'event: message\ndata: {"jsonrpc":"2.0","id":7,"result":{"ok":"是"}}\n\n',
  );
  await transport.close();
  assert.equal((await reader.read()).done, true);
});

test("keep-alive comments are sent on every tick, with the tick callback", async () => {
  let ticks = 0;
  // The keep-alive timer is unref'd (it must not keep a stopped server alive); hold the loop open here.
  const hold = setTimeout(() => {}, 10_000);
  const transport = new WebSseServerTransport({
    sessionId: "k",
    endpoint: "/sse",
    keepAliveMs: 5,
    onTick: () => ticks++,
  });
  const reader = transport.response().body!.getReader();
  const text = await readText(reader, /: keep-alive\n\n.*: keep-alive\n\n/s);
  assert.match(text, /^event: endpoint\n/);
  assert.ok(ticks >= 1);
  await transport.close();
  clearTimeout(hold);
});

test("POSTed JSON-RPC reaches onmessage; anything else throws; close is reported once, also when the client cancels", async () => {
  const transport = quietTransport("m");
  const got: unknown[] = [];
  let closes = 0;
  transport.onmessage = (m) => void got.push(m);
  transport.onclose = () => void closes++;
  const reader = transport.response().body!.getReader();
  transport.handleMessage({ jsonrpc: "2.0", id: 1, method: "ping" });
  assert.deepEqual(got, [{ jsonrpc: "2.0", id: 1, method: "ping" }]);
  assert.throws(
    () => transport.handleMessage({ name: "query_drilling_data" }),
    /not a JSON-RPC message/,
  );
  await reader.cancel();
  await transport.close();
  assert.equal(closes, 1);
  assert.equal(transport.closed, true);
  await assert.rejects(transport.send({ jsonrpc: "2.0", id: 2, result: {} }), /is closed/);
});

test("a client that stops reading: backlog names the limit once answers owed reach it; one more event drops the session and what was queued", async () => {
  const transport = quietTransport("slow", { maxBytes: 1000, maxMessages: 3 });
  const errors: string[] = [];
  let closes = 0;
  transport.onerror = (e) => void errors.push(e.message);
  transport.onclose = () => void closes++;
  transport.onmessage = () => {};
  const reader = transport.response().body!.getReader();
  assert.match(await readText(reader, /\n\n/), /^event: endpoint/);
  assert.equal(transport.backlog, null);
  // Two requests in flight and one answer queued: three owed, the limit.
  transport.handleMessage({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "x" } });
  transport.handleMessage({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "x" } });
  transport.handleMessage({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "x" } });
  assert.match(transport.backlog ?? "", /3 messages.*limit 3 messages \/ 1000 bytes/);
  transport.handleMessage({
    jsonrpc: "2.0",
    method: "notifications/cancelled",
    params: { requestId: 3 },
  });
  assert.equal(transport.backlog, null, "a cancelled request is owed no answer");
  await transport.send({ jsonrpc: "2.0", id: 1, result: { rows: "x".repeat(600) } });
  assert.equal(transport.backlog, null);
  await transport.send({ jsonrpc: "2.0", id: 2, result: { rows: "y".repeat(600) } });
  assert.match(transport.backlog ?? "", /SSE_MAX_QUEUED_BYTES/);
  assert.equal(closes, 0);
  await transport.send({ jsonrpc: "2.0", method: "notifications/message", params: {} }).catch(
    () => {},
  );
  assert.equal(closes, 1);
  assert.match(errors[0], /stopped reading/);
  await assert.rejects(
    reader.read(),
    /stopped reading/,
    "the queued answers are dropped, not delivered late",
  );
  await assert.rejects(transport.send({ jsonrpc: "2.0", id: 4, result: {} }), /is closed/);
});

test("a reading client is never refused: many large answers flow through a small outbox", async () => {
  const transport = quietTransport("fast", { maxBytes: 1000, maxMessages: 2 });
  transport.onmessage = () => {};
  const reader = transport.response().body!.getReader();
  await readText(reader, /\n\n/);
  for (let i = 0; i < 50; i++) {
    transport.handleMessage({ jsonrpc: "2.0", id: i, method: "tools/call", params: { name: "x" } });
    assert.equal(transport.backlog, null);
    await transport.send({ jsonrpc: "2.0", id: i, result: { rows: "z".repeat(5000) } });
    assert.match(await readText(reader, /\n\n/), new RegExp(`"id":${i},`));
  }
  assert.equal(transport.closed, false);
  await transport.close();
});
