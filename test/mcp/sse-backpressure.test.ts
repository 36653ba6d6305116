import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { send } from "../helpers/http-client.ts";
import { baseEnv, runTs, spawnServer } from "../helpers/spawn-server.ts";
import { legacyInitialize } from "../helpers/legacy-initialize.ts";
import { identity, restCall } from "../helpers/server.ts";

// Issue 17 item 2: a client that opens /sse, never reads it and keeps POSTing large answers must
// be refused once its backlog reaches the limit, the server's memory must stay bounded, and what
// was queued must be given back when the client leaves. A spawned server, measured through /metrics.

const MB = 1024 * 1024;
const headers = identity("USER", "slow@example.com", "u-slow");

async function memory(url: string): Promise<{ rss: number; heap: number }> {
  const text = (await send(`${url}/metrics`)).body;
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
  return {
    rss: value("process_resident_memory_bytes"),
    heap: value("nodejs_heap_size_used_bytes"),
  };
}

/** Opens /sse with node:http, reads only the endpoint event, then stops reading for good. */
function openAndStopReading(
  url: string,
): Promise<{ endpoint: string; res: IncomingMessage; leave(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/sse`, {
      headers: { ...headers, accept: "text/event-stream" },
      agent: false,
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      const onData = (chunk: string) => {
        text += chunk;
        const m = /event: endpoint\ndata: (\S+)\n\n/.exec(text);
        if (!m) return;
        res.off("data", onData);
        res.pause();
        resolve({ endpoint: m[1], res, leave: () => req.destroy() });
      };
      res.on("data", onData);
    });
    req.once("error", reject);
    req.end();
  });
}

test("an SSE client that never reads: POSTs are refused with 503 naming the limit, memory stays bounded and is given back when it leaves", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-sse-bp-"));
  const { command, args } = runTs("main.ts");
  const server = await spawnServer(command, args, {
    env: baseEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "o.db")}`,
      SEED_DEMO_DATA: "true",
      SSE_MAX_QUEUED_BYTES: String(2 * MB),
      // Answers still being computed count against the message cap, and each holds up to 1000 rows in memory meanwhile.
      SSE_MAX_QUEUED_MESSAGES: "20",
    }),
    timeoutMs: 60_000,
  });
  try {
    // The same calls over REST first, several at once: the tool's code and schemas are loaded and the
    // reader threads started (tens of MB each, which a slow start would otherwise count against the
    // session), so what grows below is what the unread session holds.
    const warm = await Promise.all(
      Array.from(
        { length: 6 },
        () => restCall(server.url, headers, "query_drilling_data", { limit: 1000 }),
      ),
    );
    for (const res of warm) assert.equal(res.status, 200);
    const before = await memory(server.url);
    const client = await openAndStopReading(server.url);
    const post = (message: unknown) =>
      send(`${server.url}${client.endpoint}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(message),
      });
    const init = legacyInitialize("slow");
    assert.equal((await post(init)).status, 202);
    assert.equal((await post({ jsonrpc: "2.0", method: "notifications/initialized" })).status, 202);

    const statuses: number[] = [];
    let refusal = "";
    let peak = before.rss;
    for (let i = 1; i <= 300; i++) {
      const res = await post({
        jsonrpc: "2.0",
        id: i,
        method: "tools/call",
        params: { name: "query_drilling_data", arguments: { limit: 1000 } },
      });
      statuses.push(res.status);
      if (res.status !== 202) {
        refusal ||= res.body;
        if (statuses.filter((s) => s !== 202).length >= 20) break;
      }
      if (i % 10 === 0) peak = Math.max(peak, (await memory(server.url)).rss);
    }
    const accepted = statuses.filter((s) => s === 202).length;
    assert.ok(
      accepted < 300,
      `every one of ${accepted} POSTs was accepted while the client read nothing`,
    );
    // Once refused, a POST is accepted again only while the socket's buffers still take some of the
    // owed answers (the outbox then has room for a moment): a few at most, never a steady flow.
    const afterRefusal = statuses.slice(statuses.findIndex((s) => s !== 202));
    assert.ok(
      afterRefusal.every((s) => s === 202 || s === 503 || s === 404),
      `after the first refusal only 202/503/404: ${statuses.join(",")}`,
    );
    assert.ok(
      afterRefusal.filter((s) => s === 202).length <= 5,
      `after the first refusal POSTs were accepted again and again: ${statuses.join(",")}`,
    );
    assert.match(refusal, /SSE_MAX_QUEUED_BYTES/);
    assert.match(refusal, /未读取事件流.*not reading its event stream/);
    peak = Math.max(peak, (await memory(server.url)).rss);
    assert.ok(
      peak - before.rss < 250 * MB,
      `RSS grew by ${((peak - before.rss) / MB).toFixed(0)} MB`,
    );

    client.leave();
    // The session ends with the client: its endpoint is unknown from then on.
    let gone = 0;
    for (let i = 0; i < 50 && gone !== 404; i++) {
      gone = (await post({ jsonrpc: "2.0", id: 1000, method: "ping" })).status;
      if (gone !== 404) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(gone, 404);
    // Nothing of the session is kept: the heap returns near where it started.
    let after = await memory(server.url);
    for (let i = 0; i < 40 && after.heap - before.heap > 40 * MB; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await memory(server.url);
    }
    assert.ok(
      after.heap - before.heap < 40 * MB,
      `heap still ${
        ((after.heap - before.heap) / MB).toFixed(0)
      } MB above the start after the client left`,
    );
    t.diagnostic(
      `accepted ${accepted} POSTs; RSS ${(before.rss / MB).toFixed(0)} → peak ${
        (peak / MB).toFixed(0)
      } MB; heap ${(before.heap / MB).toFixed(0)} → ${
        (after.heap / MB).toFixed(0)
      } MB after leaving`,
    );
    const health = await send(`${server.url}/health`);
    assert.equal(health.status, 200);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
