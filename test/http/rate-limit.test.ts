import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRateLimiter } from "../../lib/http/rate-limit.ts";
import { connectAsLibreChat } from "../helpers/librechat-connect.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

test("the bucket allows the burst, then refuses with the seconds until the next token", () => {
  let t = 0;
  const limiter = createRateLimiter(3, () => t);
  assert.deepEqual([1, 2, 3].map(() => limiter.take("a").ok), [true, true, true]);
  assert.deepEqual(limiter.take("a"), { ok: false, retryAfterSeconds: 20 });
  assert.equal(limiter.take("b").ok, true, "another user has a bucket of their own");
  t += 20_000;
  assert.equal(limiter.take("a").ok, true);
  assert.equal(limiter.take("a").ok, false);
});

let server: TestServer;
before(async () => (server = await startTestServer({ RATE_LIMIT_PER_MINUTE: "3" })));
after(() => server.close());

test("RATE_LIMIT_PER_MINUTE: a 4th call within the minute gets 429 with Retry-After on REST and MCP; other users are unaffected", async () => {
  const alice = identity("USER", "alice@example.com", "u-alice");
  for (let i = 0; i < 3; i++) {
    assert.equal((await restCall(server.url, alice, "list_wells", {})).status, 200);
  }
  const res = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: { ...alice, "content-type": "application/json" },
    body: '{"name":"list_wells"}',
  });
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get("retry-after")) >= 1);
  assert.match((await res.json()).message, /每分钟最多 3 次.*at most 3 per minute/);
  const mcp = await fetch(`${server.url}/mcp`, {
    method: "POST",
    headers: {
      ...alice,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: { name: "list_wells", arguments: {} },
    }),
  });
  assert.equal(mcp.status, 429);
  assert.equal((await mcp.json()).id, 7);
  const list = await fetch(`${server.url}/mcp`, {
    method: "POST",
    headers: {
      ...alice,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/list" }),
  });
  assert.equal(list.status, 200, "only tool calls count");
  assert.equal(
    (await restCall(server.url, identity("USER", "bob@example.com", "u-bob"), "list_wells", {}))
      .status,
    200,
  );
});

test("RATE_LIMIT_PER_MINUTE holds on every transport: of 20 calls, REST, Streamable HTTP and legacy SSE each run the limit (issue 17 item 3)", async () => {
  const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: "5", SEED_DEMO_DATA: "0" });
  try {
    const ran = async (calls: () => Promise<boolean>) => {
      let ok = 0;
      for (let i = 0; i < 20; i++) if (await calls()) ok++;
      return ok;
    };
    const rest = identity("USER", "rest@example.com", "u-rest");
    assert.equal(
      await ran(async () => (await restCall(limited.url, rest, "list_wells", {})).status === 200),
      5,
      "REST",
    );

    const streamable = await connectStreamable(
      `${limited.url}/mcp`,
      identity("USER", "http@example.com", "u-http"),
    );
    assert.equal(
      await ran(() =>
        streamable.callTool({ name: "list_wells", arguments: {} }).then(() => true, () => false)
      ),
      5,
      "Streamable HTTP",
    );
    await streamable.close();

    const sse = await connectAsLibreChat({
      type: "sse",
      url: `${limited.url}/sse`,
      headers: identity("USER", "sse@example.com", "u-sse"),
    }, { id: "u-sse" });
    const refusals: string[] = [];
    const okOverSse = await ran(() =>
      sse.callTool({ name: "list_wells", arguments: {} }).then(
        () => true,
        (e: Error) => (refusals.push(e.message), false),
      )
    );
    assert.equal(okOverSse, 5, "legacy SSE");
    assert.match(refusals[0], /429/);
    assert.match(refusals[0], /每分钟最多 5 次.*at most 5 per minute/);
    // tools/list and ping are not tool calls: the session still answers them.
    assert.ok((await sse.listTools()).tools.length > 0);
    await sse.close();
  } finally {
    await limited.close();
  }
});
