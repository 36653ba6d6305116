import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { hostGuard, isAllowedHost } from "../../lib/http/host-guard.ts";
import { createLogger } from "../../lib/observability/log.ts";

function app(allowedHosts: string[], bindHost = "127.0.0.1") {
  const hono = new Hono();
  hono.use(
    "*",
    hostGuard({ allowedHosts, bindHost, log: createLogger({ level: "error", write: () => {} }) }),
  );
  hono.all("*", (c) => c.text("through"));
  return hono;
}

test("loopback names are always allowed; others only when listed or bound", () => {
  const opts = { allowedHosts: ["mcp.example.com"], bindHost: "10.0.0.5" };
  for (const h of ["localhost", "127.0.0.1", "::1", "mcp.example.com", "10.0.0.5"]) {
    assert.equal(isAllowedHost(h, opts), true, h);
  }
  for (const h of ["evil.example", "example.com", "10.0.0.6", "mcp.example.com.evil.example"]) {
    assert.equal(isAllowedHost(h, opts), false, h);
  }
  assert.equal(
    isAllowedHost("0.0.0.0", { allowedHosts: [], bindHost: "0.0.0.0" }),
    false,
    "a wildcard bind allows nothing by itself",
  );
  assert.equal(
    isAllowedHost("anything.example", { allowedHosts: ["*"], bindHost: "0.0.0.0" }),
    true,
  );
});

test("a foreign Host or Origin is refused with 403 naming it and ALLOWED_HOSTS", async () => {
  const hono = app(["oilfield-mcp"]);
  const cases: [Record<string, string>, string][] = [
    [{ Host: "evil.example:8080" }, 'Host "evil.example:8080"'],
    [{ Host: "127.0.0.1:8080", Origin: "http://evil.example" }, 'Origin "http://evil.example"'],
    [{ Host: "127.0.0.1:8080", Origin: "null" }, 'Origin "null"'],
  ];
  for (const [headers, named] of cases) {
    const res = await hono.request("http://x/mcp", { headers });
    assert.equal(res.status, 403);
    const body = await res.json();
    assert.equal(body.error, "forbidden_host");
    assert.ok(body.message.includes(named), body.message);
    assert.match(body.message, /ALLOWED_HOSTS/);
  }
});

test("allowed Host and Origin pass; /health and /.well-known are not checked", async () => {
  const hono = app(["oilfield-mcp"]);
  const allowed: Record<string, string>[] = [{ Host: "localhost:8080" }, {
    Host: "oilfield-mcp:8080",
  }, { Host: "[::1]:8080", Origin: "http://localhost:3080" }];
  for (const headers of allowed) {
    assert.equal(
      (await hono.request("http://x/mcp", { headers })).status,
      200,
      JSON.stringify(headers),
    );
  }
  assert.equal(
    (await hono.request("http://x/health", { headers: { Host: "10.1.2.3:8080" } })).status,
    200,
  );
  assert.equal(
    (await hono.request("http://x/.well-known/oauth-protected-resource", {
      headers: { Host: "evil.example" },
    })).status,
    200,
  );
});
