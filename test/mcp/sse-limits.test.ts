import { test } from "node:test";
import assert from "node:assert/strict";
import { openEventStream, send } from "../helpers/http-client.ts";
import type { EventStream } from "../helpers/http-client.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import { legacyInitialize } from "../helpers/legacy-initialize.ts";

// Issue 17 item 4: one identity must not be able to take every legacy-SSE slot, and a session kept
// "alive" only by pings must still close when idle.

const post = (url: string, headers: Record<string, string>, message: unknown) =>
  send(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(message),
  });

test("one user opening 40 SSE sessions holds at most SSE_MAX_SESSIONS_PER_USER of them; everyone else still gets a session", async () => {
  const server = await startTestServer({
    SSE_MAX_SESSIONS: "10",
    SSE_MAX_SESSIONS_PER_USER: "3",
    SEED_DEMO_DATA: "0",
  });
  const streams: EventStream[] = [];
  try {
    const mallory = identity("USER", "mallory@example.com", "u-mallory");
    for (let i = 0; i < 40; i++) {
      const s = await openEventStream(`${server.url}/sse`, { headers: mallory });
      assert.equal(s.status, 200, `session ${i}`);
      streams.push(s);
    }
    const alice = identity("USER", "alice@example.com", "u-alice");
    const hers = await openEventStream(`${server.url}/sse`, { headers: alice });
    streams.push(hers);
    assert.equal(hers.status, 200, "another user is not starved");
    const endpoint = (await hers.next()).data;
    const answer = await post(`${server.url}${endpoint}`, alice, {
      jsonrpc: "2.0",
      id: 1,
      method: "ping",
    });
    assert.equal(answer.status, 202);
    // Mallory's oldest sessions were closed as she opened new ones: only her last 3 stay open.
    const endpoints = await Promise.all(
      streams.slice(0, 40).map((s) => s.next(2000).then((e) => e.data, () => null)),
    );
    const alive = [];
    for (const e of endpoints) {
      if (e === null) continue;
      const res = await post(`${server.url}${e}`, mallory, {
        jsonrpc: "2.0",
        id: 2,
        method: "ping",
      });
      if (res.status === 202) alive.push(e);
      else assert.equal(res.status, 404);
    }
    assert.equal(alive.length, 3);
    assert.deepEqual(alive, endpoints.slice(37));
  } finally {
    for (const s of streams) s.close();
    await server.close();
  }
});

test("pings alone do not keep an SSE session open: it closes SSE_IDLE_SECONDS after the last real message", async () => {
  const server = await startTestServer({ SSE_IDLE_SECONDS: "1", SEED_DEMO_DATA: "0" });
  const wang = identity("USER", "wang@example.com", "u-wang");
  const stream = await openEventStream(`${server.url}/sse`, { headers: wang });
  try {
    const endpoint = `${server.url}${(await stream.next()).data}`;
    const init = legacyInitialize("t");
    assert.equal((await post(endpoint, wang, init)).status, 202);
    assert.equal((await stream.next()).event, "message");
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const res = await post(endpoint, wang, { jsonrpc: "2.0", id: i + 1, method: "ping" });
      statuses.push(res.status);
      if (res.status === 404) break;
    }
    assert.equal(
      statuses.at(-1),
      404,
      `the session must expire despite pings every 250 ms: ${statuses.join(",")}`,
    );
    // The ping answers that were sent, then the end of the stream.
    await assert.rejects(
      async () => {
        for (let i = 0; i < 20; i++) assert.equal((await stream.next(3000)).event, "message");
      },
      /ended/,
      "the server ended the stream",
    );
  } finally {
    stream.close();
    await server.close();
  }
});
