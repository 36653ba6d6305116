import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startNginx } from "./nginx.ts";
import { deriveNginxSite } from "./nginx-config.ts";
import { openEventStream, send } from "./http-client.ts";
import { startSseUpstream } from "./sse-upstream.ts";
import { encodeLibreChatHeaderValue } from "./librechat.ts";

const identity = {
  "X-User-Role": "ADMIN",
  "X-User-Email": encodeLibreChatHeaderValue("王芳@油田.cn"),
  "X-User-ID": "6650f1c2a1",
  Authorization: "Bearer t0k3n",
};

test("the derived config differs from deploy/nginx.conf only in ports, addresses and cert paths", () => {
  const conf = readFileSync("deploy/nginx.conf", "utf8");
  const site = deriveNginxSite(conf, {
    upstreams: ["127.0.0.1:1111", "127.0.0.1:2222"],
    mainPort: 3333,
    redirectPort: 4444,
    tls: true,
    certPath: "/tmp/c.pem",
    keyPath: "/tmp/k.pem",
  });
  const swapped = /^\s*(#\s*)?(server \S+:\d+ |listen |ssl_certificate(_key)? )/;
  const rest = (text: string) => text.split("\n").filter((l) => !swapped.test(l));
  assert.deepEqual(rest(site), rest(conf));
  assert.equal(site.match(/server 127\.0\.0\.1:1111 max_fails=3 fail_timeout=10s;/g)?.length, 2);
  assert.equal(site.match(/server 127\.0\.0\.1:2222 max_fails=3 fail_timeout=10s;/g)?.length, 2);
  assert.match(site, /listen 127\.0\.0\.1:3333 ssl;/);
  assert.match(site, /listen 127\.0\.0\.1:4444;/);
  assert.match(site, /ssl_certificate_key \/tmp\/k\.pem;/);
});

test("SSE events pass nginx (TLS) one by one: each arrives before the upstream sends the next", async () => {
  const upstream = await startSseUpstream("a");
  const nginx = await startNginx({ upstreams: [upstream.address], tls: true });
  try {
    const stream = await openEventStream(`${nginx.url}/slow-sse`, { ca: nginx.certificate });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers["content-type"]), /^text\/event-stream/);
    assert.equal(stream.headers["x-accel-buffering"], "no");
    for (let i = 1; i <= 3; i++) {
      const event = await stream.next(8000).catch((error: Error) => {
        throw new Error(
          `event ${i} did not come through while the upstream waited (nginx buffered it?): ${error.message}`,
        );
      });
      assert.deepEqual(event, { event: "tick", data: String(i) });
      assert.equal(
        upstream.sent(),
        i,
        `the upstream had sent only ${i} events when event ${i} arrived`,
      );
      upstream.release(i);
    }
    stream.close();
  } finally {
    await nginx.stop();
    await upstream.close();
  }
});

test("a buffering proxy in the path is caught: gzip on the event stream (the check can fail)", async () => {
  // nginx 1.22 measured: proxy_buffering on alone still passes each event at once; gzip does not.
  const upstream = await startSseUpstream("a");
  const nginx = await startNginx({
    upstreams: [upstream.address],
    edit: (site) =>
      site.replace("gzip off;", "gzip on; gzip_types text/event-stream; gzip_min_length 0;"),
  });
  try {
    await assert.rejects(async () => {
      const headers = { "Accept-Encoding": "gzip" };
      const stream = await openEventStream(`${nginx.url}/slow-sse`, { headers, timeoutMs: 1500 });
      try {
        await stream.next(1500);
      } finally {
        stream.close();
      }
    }, /within 1500 ms/);
  } finally {
    await nginx.stop();
    await upstream.close();
  }
});

test("Authorization and the X-User-* headers reach the upstream unchanged", async () => {
  const upstream = await startSseUpstream("a");
  const nginx = await startNginx({ upstreams: [upstream.address], tls: true });
  try {
    const res = await send(`${nginx.url}/echo`, { headers: identity, ca: nginx.certificate });
    assert.equal(res.status, 200, res.body);
    const { headers } = JSON.parse(res.body);
    assert.equal(headers["x-user-role"], "ADMIN");
    assert.equal(headers["x-user-email"], identity["X-User-Email"]);
    assert.equal(headers["x-user-id"], "6650f1c2a1");
    assert.equal(headers.authorization, "Bearer t0k3n");
    assert.equal(headers["x-forwarded-proto"], "https");
    assert.equal(headers["x-real-ip"], "127.0.0.1");
  } finally {
    await nginx.stop();
    await upstream.close();
  }
});

test("legacy SSE: each POST /messages reaches the instance that holds its stream", async () => {
  const upstreams = [await startSseUpstream("a"), await startSseUpstream("b")];
  const nginx = await startNginx({ upstreams: upstreams.map((u) => u.address) });
  const instances = new Set<string>();
  try {
    for (let user = 1; user <= 8; user++) {
      const headers = { ...identity, "X-User-ID": `user-${user}` };
      const stream = await openEventStream(`${nginx.url}/sse`, { headers });
      const endpoint = await stream.next();
      assert.equal(endpoint.event, "endpoint");
      const res = await send(`${nginx.url}${endpoint.data}`, {
        method: "POST",
        headers,
        body: "{}",
      });
      assert.equal(res.status, 202, `user-${user}: ${res.body}`);
      instances.add(res.body);
      stream.close();
    }
    assert.deepEqual(
      [...instances].sort(),
      ["accepted by a", "accepted by b"],
      "both instances get streams",
    );
  } finally {
    await nginx.stop();
    for (const u of upstreams) await u.close();
  }
});

test("requests from outside LibreChat's network are refused with 403", async () => {
  const upstream = await startSseUpstream("a");
  const nginx = await startNginx({ upstreams: [upstream.address] });
  try {
    const outsider = await send(`${nginx.url}/echo`, {
      headers: identity,
      localAddress: "127.0.0.2",
    });
    assert.equal(outsider.status, 403);
    assert.equal((await send(`${nginx.url}/echo`, { headers: identity })).status, 200);
  } finally {
    await nginx.stop();
    await upstream.close();
  }
});
